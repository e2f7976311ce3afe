//! Recycled text across a batch of 500 reports (`batch::link`, after each was analysed).
//! Run: `cargo bench --bench batch` (figures: docs/performance.md).
//!
//! The batch: the five seeds, each in 100 variants — paragraphs rotated, figures changed
//! (digit d → (d + k) mod 10) and one in four paragraphs replaced by a sentence unique to
//! the variant — so that every report shares much of its text with a hundred others: far
//! more recycling than a real batch, the hard case for the candidate search.

use std::fs;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

fn batch(n: usize) -> (Vec<String>, Vec<String>) {
    let mut paths: Vec<_> = fs::read_dir("tests/fixtures").unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    let seeds: Vec<String> = paths.iter().map(|p| fs::read_to_string(p).unwrap()).collect();
    let mut files = Vec::new();
    let mut texts = Vec::new();
    for i in 0..n {
        let seed = &seeds[i % seeds.len()];
        let mut paras: Vec<String> = seed.split('\n').map(str::to_owned).collect();
        let len = paras.len().max(1);
        paras.rotate_left(i % len);
        for (k, p) in paras.iter_mut().enumerate() {
            if (k + i) % 4 == 0 {
                *p = format!("本单位第{i}号报告第{k}段独有的内容,记录当年新开展的第{k}项专项工作及其具体做法和成效。");
            } else {
                *p = p.chars().map(|c| c.to_digit(10).map_or(c, |d| char::from_digit((d + i as u32) % 10, 10).unwrap())).collect();
            }
        }
        files.push(format!("report-{i:03}.txt"));
        texts.push(paras.join("\n"));
    }
    (files, texts)
}

fn bench(c: &mut Criterion) {
    let (files, texts) = batch(500);
    let results: Vec<_> = texts.iter().map(|t| fazhi_analyzer::analyze(t)).collect();
    let file_refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let text_refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    eprintln!("batch: {} reports, {:.1} MB", texts.len(), bytes as f64 / 1e6);
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.bench_function("recycled-500", |b| {
        b.iter_batched(
            || results.clone(),
            |mut r| fazhi_analyzer::batch::link(black_box(&file_refs), black_box(&text_refs), &mut r),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
