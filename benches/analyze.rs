//! `analyze` on each seed and on a ~10 MB text built from them.
//! Run: `cargo bench --bench analyze` (figures: docs/performance.md).

use std::fs;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn seeds() -> Vec<(String, String)> {
    let mut paths: Vec<_> = fs::read_dir("tests/fixtures").expect("tests/fixtures").flatten().map(|e| e.path()).collect();
    paths.sort();
    paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy()[..3].to_owned(), fs::read_to_string(&p).unwrap()))
        .collect()
}

/// The seeds repeated, one after another, up to `bytes`.
pub fn big_text(seeds: &[(String, String)], bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 40_000);
    while s.len() < bytes {
        for (_, t) in seeds {
            s.push_str(t);
            s.push('\n');
        }
    }
    s
}

fn bench(c: &mut Criterion) {
    let seeds = seeds();
    let mut group = c.benchmark_group("analyze/seed");
    for (id, text) in &seeds {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(id), text, |b, t| b.iter(|| fazhi_analyzer::analyze(black_box(t))));
    }
    group.finish();

    let big = big_text(&seeds, 10 * 1024 * 1024);
    let mut group = c.benchmark_group("analyze/10MB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("seeds-repeated", |b| b.iter(|| fazhi_analyzer::analyze(black_box(&big))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
