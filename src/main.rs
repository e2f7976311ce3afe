//! `fazhi-analyzer FILE…` — the same core as the web page, for batch work.

use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
fazhi-analyzer — 法治政府建设报告分析器

usage: fazhi-analyzer [--pretty] FILE
       fazhi-analyzer [--pretty] -          (read standard input)
       fazhi-analyzer [--pretty] FILE…      (one JSON document per file, in order)

Prints the analysis as JSON (format fazhi-analyzer/1). Files must be UTF-8 text
(UTF-16 with a byte-order mark is accepted). Exit status: 0 ok, 2 unreadable input.";

fn main() -> ExitCode {
    let mut pretty = false;
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--pretty" | "-p" => pretty = true,
            "--help" | "-h" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--version" | "-V" => {
                println!("fazhi-analyzer {} ({})", env!("CARGO_PKG_VERSION"), fazhi_analyzer::FORMAT);
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with("--") => {
                eprintln!("fazhi-analyzer: unknown option {flag}\n\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => paths.push(arg),
        }
    }
    if paths.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }

    let mut failed = false;
    let mut results = Vec::new();
    for path in &paths {
        match read(path).and_then(|bytes| fazhi_analyzer::decode(&bytes).map_err(|e| e.to_string())) {
            Ok(text) => results.push(fazhi_analyzer::analyze(&text)),
            Err(message) => {
                eprintln!("fazhi-analyzer: {path}: {message}");
                failed = true;
            }
        }
    }

    let out = io::stdout();
    let mut out = out.lock();
    let written = results.iter().try_for_each(|r| {
        if pretty {
            serde_json::to_writer_pretty(&mut out, r)?;
        } else {
            serde_json::to_writer(&mut out, r)?;
        }
        writeln!(out)
    });
    if let Err(e) = written.and_then(|_| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("fazhi-analyzer: cannot write output: {e}");
            return ExitCode::from(2);
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| {
            if f.metadata()?.is_dir() {
                return Err(io::Error::new(io::ErrorKind::InvalidInput, "is a directory"));
            }
            // Read one byte past the cap so an oversized file is refused without reading all of it.
            (&mut f).take(fazhi_analyzer::MAX_INPUT_BYTES as u64 * 2 + 1).read_to_end(&mut bytes).map(|_| ())
        })
    };
    result.map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() > fazhi_analyzer::MAX_INPUT_BYTES * 2 {
        return Err(fazhi_analyzer::InputError::TooLarge { bytes: bytes.len() }.to_string());
    }
    Ok(bytes)
}
