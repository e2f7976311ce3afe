//! `analyze` on the hostile shapes of issue 15 (tests/common/shapes.rs): one unit repeated with
//! no sentence end, at 1 MiB and 8 MiB. Every shape must run at a few MB/s, linearly.
//! Run: `cargo bench --bench hostile` (figures: docs/performance.md, "Hostile shapes").
//! `cargo bench --bench hostile -- 1MiB` runs the small size only.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "../tests/common/shapes.rs"]
mod shapes;

fn bench(c: &mut Criterion) {
    for (label, bytes) in [("1MiB", 1 << 20), ("8MiB", 8 << 20)] {
        let mut group = c.benchmark_group(format!("hostile/{label}"));
        // Seconds per run at 8 MiB: the fewest samples criterion allows.
        group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(5));
        for (name, unit) in shapes::SHAPES {
            let text = shapes::repeated(unit, bytes);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| b.iter(|| fazhi_analyzer::analyze(black_box(t))));
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
