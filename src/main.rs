//! `fazhi-analyzer [OPTIONS] PATH…` — the same core as the web page, for batch work.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, ValueEnum};
use fazhi_analyzer::register::{self, Entry, RowError, Source, Tables};
use rayon::prelude::*;

const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (result format fazhi-analyzer/1)");

/// Files with these extensions are taken from a directory (any file named on the command line is read).
const REPORT_EXTENSIONS: [&str; 4] = ["txt", "docx", "html", "htm"];

/// 法治政府建设报告分析器: structure, figures and review findings of each report.
///
/// Each PATH is a file, a directory (its .txt/.docx/.html/.htm files, recursively, in sorted
/// order) or `-` for standard input. Output is in input order. Exit status: 0 every file
/// analysed; 1 some file refused (each still has its line or row, with the reason); 2 usage error.
#[derive(Parser, Debug)]
#[command(
    name = "fazhi-analyzer",
    version = VERSION,
    override_usage = "fazhi-analyzer [OPTIONS] <PATH>...\n       fazhi-analyzer [OPTIONS] --compare <OLD> <NEW>"
)]
struct Args {
    /// json: the result of each analysed file, one document per line (the web page's JSON);
    /// jsonl: one line per file with "file" (and "encoding") added, or {"file", "error"} for a
    /// refused file, so line i is file i; csv: the table named by --table (UTF-8 with BOM, CRLF).
    /// Default json, or csv with --table, or nothing on stdout with only --xlsx.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,

    /// The table --format csv prints: register (汇总, one row per file), findings (发现), figures (数字).
    #[arg(long, value_enum, value_name = "TABLE")]
    table: Option<TableName>,

    /// Also write the register as an Excel workbook: sheets 汇总, 发现, 数字 (the page's export).
    #[arg(long, value_name = "OUT.xlsx", conflicts_with = "compare")]
    xlsx: Option<PathBuf>,

    /// Pretty-print the JSON (--format json only).
    #[arg(long, short)]
    pretty: bool,

    /// No progress bar, and no notes on stderr for refused files when the output carries them.
    #[arg(long, short)]
    quiet: bool,

    /// Compare two reports (typically one issuer's two years): the figures matched by
    /// indicator, unit and category as CSV (UTF-8 with BOM, CRLF: indicator, unit, category,
    /// old value, new value, change, relative change), or the whole comparison with --format json.
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"], conflicts_with_all = ["paths", "table"])]
    compare: Option<Vec<PathBuf>>,

    /// Files, directories, or - for standard input.
    #[arg(required_unless_present = "compare", value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Jsonl,
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
enum TableName {
    #[default]
    Register,
    Findings,
    Figures,
}

/// One input of the batch, in command-line order.
struct Input {
    /// The name printed in the output: the path as given (or found in a directory), `-` for stdin.
    name: String,
    source: InputSource,
}

enum InputSource {
    Stdin(Vec<u8>),
    File(PathBuf),
    Refused(RowError),
}

/// What one file gives, ready to print.
enum Outcome {
    Json(String),
    /// A result written as JSON straight to the output (one file at a time: the JSON, up to
    /// 16 × the input, is never held as a whole; issue 15).
    Stream(Box<fazhi_analyzer::Analysis>),
    Tables(Tables),
    Refused(RowError),
}

/// glibc raises its mmap threshold to the size of each large block freed (up to 32 MiB), after
/// which the large vectors of one analysis come from the heap and their memory stays with the
/// process, fragmented: peak RSS was ~13 × the input on a text of little but figures, against
/// ~7.5 × of live memory (issue 15). A fixed threshold keeps large blocks in mmap, returned to
/// the system when freed: ≤ 11 × (docs/reliability.md).
fn return_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; it is called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

fn main() -> ExitCode {
    return_large_blocks();
    let args = Args::parse();
    if let Some(pair) = &args.compare {
        return compare(pair, args.format, args.pretty);
    }
    // With only --xlsx nothing goes to stdout; the tables are computed as for CSV.
    let stdout = args.xlsx.is_none() || args.format.is_some() || args.table.is_some();
    let format = match (args.format, args.table) {
        (Some(Format::Json | Format::Jsonl), Some(_)) => usage_error("--table goes with --format csv"),
        (Some(f), _) => f,
        (None, Some(_)) => Format::Csv,
        (None, None) if !stdout => Format::Csv,
        (None, None) => Format::Json,
    };
    if args.pretty && format != Format::Json {
        usage_error("--pretty goes with --format json");
    }

    let inputs = match collect_inputs(&args.paths) {
        Ok(inputs) => inputs,
        Err(message) => usage_error(&message),
    };
    let progress = progress_bar(inputs.len(), args.quiet);
    let mut refused = false;
    let options =
        Options { format, table: args.table.unwrap_or_default(), pretty: args.pretty, quiet: args.quiet, xlsx: args.xlsx.is_some() };
    let written = if stdout {
        write_batch(&inputs, options, &progress, &mut refused, io::BufWriter::with_capacity(1 << 16, unbuffered_stdout()))
    } else {
        write_batch(&inputs, options, &progress, &mut refused, io::sink())
    };
    progress.finish_and_clear();
    let written = match (written, &args.xlsx) {
        (Ok(tables), Some(path)) => {
            let tables = tables.expect("--xlsx collects the tables");
            let book = fazhi_analyzer::xlsx::workbook(&tables).map_err(|e| io::Error::other(e.to_string()));
            match book.and_then(|bytes| std::fs::write(path, bytes)) {
                Ok(()) => Ok(()),
                Err(e) => {
                    eprintln!("fazhi-analyzer: cannot write {}: {e}", path.display());
                    return ExitCode::from(2);
                }
            }
        }
        (written, _) => written.map(|_| ()),
    };

    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("fazhi-analyzer: cannot write output: {e}");
            return ExitCode::from(2);
        }
    }
    if refused {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Standard output without `Stdout`'s line buffer, which looked for the last newline of every
/// piece written, byte by byte (1 % of the 1 MiB mix's instructions; the JSON goes out in pieces
/// of 16 KiB and more). The caller buffers.
fn unbuffered_stdout() -> Box<dyn Write> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::fs::File::from(fd));
        }
    }
    Box::new(io::stdout().lock())
}

#[derive(Clone, Copy)]
struct Options {
    format: Format,
    table: TableName,
    pretty: bool,
    quiet: bool,
    /// Collect every file's tables for the workbook.
    xlsx: bool,
}

/// Where the outcomes go: CSV rows, or lines of JSON.
enum Sink<W: Write> {
    Csv(csv::Writer<W>),
    Lines(W),
}

/// Analyse the inputs and print them in order. Bounded memory: a chunk is analysed in
/// parallel and printed before the next one starts.
fn write_batch(
    inputs: &[Input],
    options: Options,
    progress: &indicatif::ProgressBar,
    refused: &mut bool,
    mut out: impl Write,
) -> io::Result<Option<Tables>> {
    let mut book: Option<Tables> = options.xlsx.then(|| register::tables(&[]));
    let mut sink = match options.format {
        Format::Csv => {
            out.write_all("\u{FEFF}".as_bytes())?;
            let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
            w.write_record(columns(options.table).iter().map(|c| c.1))?;
            Sink::Csv(w)
        }
        _ => Sink::Lines(out),
    };
    // Cross-report findings need the whole batch at once; a single file streams in chunks of
    // one, and memory stays bounded by the chunk otherwise.
    let linked = inputs.len() > 1;
    // One file at a time (no batch to link) as JSON goes straight to the output, and nothing
    // needs its text once it is analysed.
    let streamed = !linked && options.format == Format::Json && !options.xlsx;
    let chunk = if linked { inputs.len() } else { 1 };
    for inputs in inputs.chunks(chunk) {
        let mut analysed: Vec<_> = inputs
            .par_iter()
            .map(|input| {
                progress.set_message(input.name.clone());
                let analysed = analyse(input, if streamed { DecodedText::Dropped } else { DecodedText::Kept });
                progress.inc(1);
                analysed
            })
            .collect();
        if linked {
            analysed = link(inputs, analysed);
        }
        let outcomes: Vec<(Outcome, Option<Tables>)> = inputs
            .par_iter()
            .zip(analysed)
            .map(|(input, analysed)| match analysed {
                Ok((_, analysis)) if streamed => (Outcome::Stream(Box::new(analysis)), None),
                Ok((text, analysis)) => {
                    let outcome = render(&input.name, &text, &analysis, options.format, options.pretty);
                    // The workbook's rows when the printed format does not compute them.
                    let extra = (options.xlsx && options.format != Format::Csv).then(|| {
                        register::tables(&[Entry { file: &input.name, source: Source::Analysed { text: &text.text, analysis: &analysis } }])
                    });
                    (outcome, extra)
                }
                Err(e) => (Outcome::Refused(e), None),
            })
            .collect();
        for (input, (outcome, extra)) in inputs.iter().zip(outcomes) {
            let mut tables = extra;
            if let Outcome::Refused(e) = &outcome {
                *refused = true;
                if options.format == Format::Json || !options.quiet {
                    progress.suspend(|| eprintln!("fazhi-analyzer: {}: {}", input.name, e.message));
                }
                tables = Some(register::tables(&[Entry { file: &input.name, source: Source::Refused(e) }]));
            }
            match (&mut sink, outcome) {
                (Sink::Csv(w), outcome) => {
                    if let Outcome::Tables(t) = outcome {
                        tables = Some(t);
                    }
                    let tables = tables.as_ref().expect("csv outcomes are tables");
                    for row in &pick(tables, options.table).rows {
                        w.write_record(row.iter().map(|c| c.to_text()))?;
                    }
                }
                (Sink::Lines(out), Outcome::Json(json)) => writeln!(out, "{json}")?,
                (Sink::Lines(out), Outcome::Stream(analysis)) => {
                    if options.pretty {
                        serde_json::to_writer_pretty(&mut *out, &analysis).map_err(io::Error::from)?;
                    } else {
                        fazhi_analyzer::write_json(&analysis, &mut *out)?;
                    }
                    writeln!(out)?;
                    // The run's one result, and the process ends next: the system takes its memory
                    // back at once (freeing it string by string was 1 % of the 1 MiB mix's
                    // instructions; docs/performance.md).
                    std::mem::forget(analysis);
                }
                (Sink::Lines(out), Outcome::Refused(e)) if options.format == Format::Jsonl => {
                    writeln!(out, "{}", error_line(&input.name, &e))?
                }
                (Sink::Lines(_), _) => {}
            }
            if let (Some(book), Some(t)) = (&mut book, tables) {
                book.register.rows.extend(t.register.rows);
                book.findings.rows.extend(t.findings.rows);
                book.figures.rows.extend(t.figures.rows);
            }
        }
    }
    match sink {
        Sink::Csv(mut w) => w.flush()?,
        Sink::Lines(mut out) => out.flush()?,
    }
    Ok(book)
}

/// `--compare OLD NEW`: exit 0, or 1 when either report cannot be read (nothing printed).
fn compare(pair: &[PathBuf], format: Option<Format>, pretty: bool) -> ExitCode {
    if format == Some(Format::Jsonl) || (pretty && format != Some(Format::Json)) {
        usage_error("--compare prints csv (the default) or --format json [--pretty]");
    }
    let inputs = match collect_inputs(pair) {
        Ok(inputs) if inputs.len() == 2 => inputs,
        Ok(_) => usage_error("--compare takes two files, not directories"),
        Err(message) => usage_error(&message),
    };
    let (old, new) = match (analyse(&inputs[0], DecodedText::Kept), analyse(&inputs[1], DecodedText::Kept)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for (input, a) in inputs.iter().zip([old, new]) {
                if let Err(e) = a {
                    eprintln!("fazhi-analyzer: {}: {}", input.name, e.message);
                }
            }
            return ExitCode::from(1);
        }
    };
    let comparison = fazhi_analyzer::compare(&inputs[0].name, &old.1, &inputs[1].name, &new.1);
    let written = (|| -> io::Result<()> {
        let mut out = io::BufWriter::new(io::stdout().lock());
        if format == Some(Format::Json) {
            let json = if pretty { serde_json::to_string_pretty(&comparison) } else { serde_json::to_string(&comparison) };
            writeln!(out, "{}", json.expect("a comparison always serialises"))?;
            return out.flush();
        }
        out.write_all("\u{FEFF}".as_bytes())?;
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
        w.write_record(fazhi_analyzer::batch::compare::FIGURE_COLUMNS.iter().map(|c| c.1))?;
        for row in comparison.figure_rows() {
            w.write_record(&row)?;
        }
        w.flush()
    })();
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("fazhi-analyzer: cannot write output: {e}");
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// Exit 2 with the message in clap's conventions.
fn usage_error(message: &str) -> ! {
    Args::command().error(clap::error::ErrorKind::ArgumentConflict, message).exit()
}

fn progress_bar(len: usize, quiet: bool) -> indicatif::ProgressBar {
    if quiet || len < 2 || !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// The command line's paths as a flat list of inputs: directories expanded in sorted order,
/// standard input read once. A path that cannot be an input stays in the list, refused.
fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<Input>, String> {
    let mut inputs = Vec::new();
    let mut stdin_taken = false;
    for path in paths {
        let name = path.to_string_lossy().into_owned();
        if path.as_os_str() == "-" {
            if std::mem::replace(&mut stdin_taken, true) {
                return Err("standard input (-) can be named only once".into());
            }
            let source = match read_capped(io::stdin().lock(), 0) {
                Ok(bytes) => InputSource::Stdin(bytes),
                Err(e) => InputSource::Refused(e),
            };
            inputs.push(Input { name, source });
        } else if path.is_dir() {
            let before = inputs.len();
            for entry in walkdir::WalkDir::new(path).follow_links(true).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_file() && is_report(e.path()) => {
                        inputs.push(Input { name: e.path().to_string_lossy().into_owned(), source: InputSource::File(e.into_path()) })
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let name = e.path().map_or_else(|| name.clone(), |p| p.to_string_lossy().into_owned());
                        inputs.push(Input { name, source: InputSource::Refused(unreadable(&e.to_string())) });
                    }
                }
            }
            if inputs.len() == before {
                let error = RowError {
                    code: "no-reports".into(),
                    message: "目录中没有 .txt/.docx/.html/.htm 文件 (no report files in this directory)".into(),
                };
                inputs.push(Input { name, source: InputSource::Refused(error) });
            }
        } else {
            inputs.push(Input { name, source: InputSource::File(path.clone()) });
        }
    }
    Ok(inputs)
}

fn is_report(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.iter().any(|r| e.eq_ignore_ascii_case(r)))
}

fn unreadable(reason: &str) -> RowError {
    RowError { code: "unreadable".into(), message: format!("无法读取 (cannot read): {reason}") }
}

/// Read at most the input cap (UTF-16 text is up to twice its UTF-8 size), refusing more.
/// `expected` sizes the buffer (a file's length), so a large file is not read into a buffer
/// grown by doubling (up to twice its size).
fn read_capped(reader: impl Read, expected: usize) -> Result<Vec<u8>, RowError> {
    let cap = fazhi_analyzer::MAX_INPUT_BYTES * 2;
    let mut bytes = Vec::with_capacity(expected.min(cap) + 1);
    reader.take(cap as u64 + 1).read_to_end(&mut bytes).map_err(|e| unreadable(&e.to_string()))?;
    if bytes.len() > cap {
        return Err(input_error(fazhi_analyzer::InputError::TooLarge { bytes: bytes.len() }));
    }
    Ok(bytes)
}

fn read_file(path: &Path) -> Result<Vec<u8>, RowError> {
    let meta = std::fs::metadata(path).map_err(|e| unreadable(&e.to_string()))?;
    if meta.is_dir() {
        return Err(RowError { code: "not-a-file".into(), message: "是目录,不是文件 (is a directory)".into() });
    }
    if !meta.is_file() {
        // A FIFO or a device would block or never end: only `-` reads a stream.
        return Err(RowError {
            code: "not-a-file".into(),
            message: "不是普通文件(管道或设备);从标准输入读取请用 - (not a regular file; use - for standard input)".into(),
        });
    }
    if meta.len() > fazhi_analyzer::MAX_INPUT_BYTES as u64 * 2 {
        // The file's exact size in the message, not the cap read.
        return Err(input_error(fazhi_analyzer::InputError::TooLarge { bytes: meta.len() as usize }));
    }
    read_capped(std::fs::File::open(path).map_err(|e| unreadable(&e.to_string()))?, meta.len() as usize)
}

fn input_error(e: fazhi_analyzer::InputError) -> RowError {
    RowError { code: e.code().into(), message: e.to_string() }
}

/// An input's text and result, or why it was refused.
type Analysed = Result<(fazhi_analyzer::Decoded, fazhi_analyzer::Analysis), RowError>;

/// Whether an input's decoded text is kept beside its result (for the tables, and for the
/// cross-report findings of a batch) or freed once the analysis has folded it.
#[derive(Clone, Copy, PartialEq)]
enum DecodedText {
    Kept,
    Dropped,
}

/// Read, decode and analyse one input.
fn analyse(input: &Input, text: DecodedText) -> Analysed {
    // A file's bytes are given up to the decoder: a UTF-8 file becomes the text without a copy,
    // and no bytes are held beside the decoded text while the analysis runs.
    let mut decoded = match &input.source {
        InputSource::Stdin(bytes) => fazhi_analyzer::decode_file(&input.name, bytes),
        InputSource::File(path) => fazhi_analyzer::decode_file_owned(&input.name, read_file(path)?),
        InputSource::Refused(e) => return Err(e.clone()),
    }
    .map_err(input_error)?;
    let analysis = match text {
        DecodedText::Kept => fazhi_analyzer::analyze(&decoded.text),
        DecodedText::Dropped => fazhi_analyzer::analyze_owned(std::mem::take(&mut decoded.text)),
    };
    Ok((decoded, analysis))
}

fn compact_json(analysis: &fazhi_analyzer::Analysis) -> String {
    let mut json = Vec::new();
    fazhi_analyzer::write_json(analysis, &mut json).expect("writing to memory cannot fail");
    String::from_utf8(json).expect("the JSON writer writes UTF-8")
}

/// One analysed input as the format prints it.
fn render(name: &str, decoded: &fazhi_analyzer::Decoded, analysis: &fazhi_analyzer::Analysis, format: Format, pretty: bool) -> Outcome {
    let text = decoded.text.as_str();
    match format {
        Format::Json if pretty => Outcome::Json(serde_json::to_string_pretty(analysis).expect("the result always serialises")),
        Format::Json => Outcome::Json(compact_json(analysis)),
        Format::Jsonl => {
            let json = compact_json(analysis);
            Outcome::Json(format!("{{\"file\":{},\"encoding\":{},{}", json_string(name), json_string(&decoded.encoding), &json[1..]))
        }
        Format::Csv => Outcome::Tables(register::tables(&[Entry {
            file: name,
            source: Source::Analysed { text, analysis },
        }])),
    }
}

/// A batch's analysed inputs with their cross-report findings added (`recycled-text`).
fn link(inputs: &[Input], analysed: Vec<Analysed>) -> Vec<Analysed> {
    let mut files = Vec::new();
    let mut results = Vec::new();
    let mut texts: Vec<Result<fazhi_analyzer::Decoded, RowError>> = Vec::with_capacity(analysed.len());
    for (input, a) in inputs.iter().zip(analysed) {
        match a {
            Ok((text, analysis)) => {
                files.push(input.name.as_str());
                results.push(analysis);
                texts.push(Ok(text));
            }
            Err(e) => texts.push(Err(e)),
        }
    }
    let text_refs: Vec<&str> = texts.iter().filter_map(|t| t.as_ref().ok().map(|d| d.text.as_str())).collect();
    fazhi_analyzer::batch::link(&files, &text_refs, &mut results);
    let mut results = results.into_iter();
    texts.into_iter().map(|t| t.map(|text| (text, results.next().expect("one result per text")))).collect()
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serialises")
}

fn error_line(file: &str, e: &RowError) -> String {
    format!("{{\"file\":{},\"error\":{}}}", json_string(file), serde_json::to_string(e).expect("an error always serialises"))
}

fn columns(table: TableName) -> &'static [(&'static str, &'static str, register::CellType)] {
    match table {
        TableName::Register => &register::REGISTER_COLUMNS,
        TableName::Findings => &register::FINDING_COLUMNS,
        TableName::Figures => &register::FIGURE_COLUMNS,
    }
}

fn pick(tables: &Tables, table: TableName) -> &register::Table {
    match table {
        TableName::Register => &tables.register,
        TableName::Findings => &tables.findings,
        TableName::Figures => &tables.figures,
    }
}
