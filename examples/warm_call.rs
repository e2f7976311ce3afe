//! The core's warm per-call cost natively, as the wasm's `analyzeJson` pays it (validate, analyse,
//! write the JSON): `npm run bench` compares it with the wasm's warm call in Chromium and counts its
//! instructions with callgrind (`warm_call FILE 0 1` and `warm_call FILE 0 11`: a tenth of the difference is
//! one warm call, whatever the first call compiled).
//!
//!     cargo run --release --example warm_call -- FILE [WARM-UP CALLS] [TIMED CALLS]
//!
//! Prints `{"calls":N,"medianMs":…,"jsonBytes":…}`.

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.first() else {
        eprintln!("usage: warm_call FILE [WARM-UP CALLS] [TIMED CALLS]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| {
        eprintln!("warm_call: {file}: {e}");
        std::process::exit(2);
    });
    let count = |i: usize, default: usize| args.get(i).map_or(default, |n| n.parse().expect("a number of calls"));
    let (warm_up, timed) = (count(1, 40), count(2, 40));
    let call = || {
        fazhi_analyzer::validate(&text).expect("a text the analyzer accepts");
        let analysis = fazhi_analyzer::analyze_owned(text.clone());
        let mut json = Vec::new();
        fazhi_analyzer::write_json(&analysis, &mut json).expect("writing to memory");
        json.len()
    };
    for _ in 0..warm_up {
        call();
    }
    let mut times = Vec::with_capacity(timed);
    let mut json_bytes = 0;
    for _ in 0..timed {
        let start = Instant::now();
        json_bytes = call();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
    println!("{{\"calls\":{timed},\"medianMs\":{median},\"jsonBytes\":{json_bytes}}}");
}
