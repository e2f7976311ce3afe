#!/usr/bin/env python3
"""A batch of reports for the CLI benchmark: N files made from the seeds (tests/fixtures) with
varied edits — seeds joined in a varying order, every figure's digits changed, the report year and
issuer varied — so no two files are alike. Deterministic (seeded).

usage: scripts/make-batch.py OUT_DIR [N=1000]"""
import os, random, re, sys

root = os.path.join(os.path.dirname(__file__), '..', 'tests', 'fixtures')
seeds = [open(os.path.join(root, f), encoding='utf-8').read() for f in sorted(os.listdir(root)) if f.endswith('.txt')]
out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1000
os.makedirs(out, exist_ok=True)
rng = random.Random(10)
counties = ['公安县', '罗江区', '临沧市', '石首市', '松滋市', '监利市', '洪湖市', '江陵县']
for i in range(n):
    parts = rng.sample(seeds, rng.choice([1, 2, 2, 3]))
    text = '\n'.join(parts)
    text = re.sub(r'\d+', lambda m: str(max(1, int(m.group()) + rng.randint(-3, 3))) if len(m.group()) < 4 else m.group(), text)
    text = text.replace('公安县', rng.choice(counties)).replace('2019年', f'{rng.randint(2019, 2024)}年')
    sub = os.path.join(out, f'{i // 100:02d}')
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, f'report-{i:04d}.txt'), 'w', encoding='utf-8') as f:
        f.write(text)
