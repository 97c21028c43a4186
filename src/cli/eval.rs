//! `entrust eval`: verdicts for scripts, streamed in input order.

use super::{Format, Global, Outcome, output};
use entrust::batch::{Collector, Input};
use entrust::case::Format as CaseFormat;
use entrust::compile::pack::Pack;
use entrust::diagnostic::error_count;
use entrust::render::{Memo, compare, csv, json, markdown, text};
use entrust::stream::{self, Block, ReadError, Sink};
use entrust::syntax::ast::CaseAst;
use entrust::verdict::Verdict;
use entrust::words::Words;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Text: a short summary per verdict, or with `--explain` the reasoning memo of `entrust
/// explain`, cases apart by a rule.
struct TextSink {
    words: &'static dyn Words,
    explain: bool,
}
impl Sink for TextSink {
    fn verdict(&self, v: &Verdict, pack: &Pack, case: &CaseAst, out: &mut Vec<u8>) {
        if self.explain {
            let memo = Memo {
                pack,
                case: Some(case),
                words: self.words,
                quote: false,
            };
            out.extend_from_slice(text::explanation(v, &memo).as_bytes());
        } else {
            out.extend_from_slice(text::summary(v, self.words).as_bytes());
        }
    }
    fn explain(&self) -> bool {
        self.explain
    }
    fn between(&self, out: &mut Vec<u8>) {
        if self.explain {
            out.extend_from_slice(format!("\n{}\n\n", "=".repeat(72)).as_bytes());
        }
    }
    fn compares(&self) -> bool {
        true
    }
    fn compare(&self, case: &CaseAst, items: &[(&Verdict, &Pack)], out: &mut Vec<u8>) {
        if self.explain {
            self.between(out);
        } else {
            out.push(b'\n');
        }
        out.extend_from_slice(compare::text(&case.id.text, items, self.words).as_bytes());
        if !self.explain {
            out.push(b'\n');
        }
    }
}

struct JsonSink {
    explain: bool,
}
impl Sink for JsonSink {
    fn verdict(&self, v: &Verdict, _pack: &Pack, _case: &CaseAst, out: &mut Vec<u8>) {
        for line in json::pretty(v).lines() {
            out.extend_from_slice(b"\n  ");
            out.extend_from_slice(line.as_bytes());
        }
    }
    fn explain(&self) -> bool {
        self.explain
    }
    fn begin(&self, out: &mut Vec<u8>) {
        out.push(b'[');
    }
    fn between(&self, out: &mut Vec<u8>) {
        out.push(b',');
    }
    fn end(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"\n]\n");
    }
}

struct YamlSink {
    explain: bool,
}
impl Sink for YamlSink {
    fn verdict(&self, v: &Verdict, _pack: &Pack, _case: &CaseAst, out: &mut Vec<u8>) {
        out.extend_from_slice(b"---\n");
        match serde_yaml::to_string(v) {
            Ok(s) => out.extend_from_slice(s.as_bytes()),
            Err(e) => out.extend_from_slice(format!("# error: {e}\n").as_bytes()),
        }
    }
    fn explain(&self) -> bool {
        self.explain
    }
}

struct CsvSink {
    words: &'static dyn Words,
}
impl Sink for CsvSink {
    fn verdict(&self, v: &Verdict, _pack: &Pack, _case: &CaseAst, out: &mut Vec<u8>) {
        out.extend_from_slice(csv::row(v).as_bytes());
    }
    fn begin(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(csv::header(self.words).as_bytes());
    }
}

struct MarkdownSink {
    words: &'static dyn Words,
}
impl Sink for MarkdownSink {
    fn verdict(&self, v: &Verdict, pack: &Pack, case: &CaseAst, out: &mut Vec<u8>) {
        let memo = Memo {
            pack,
            case: Some(case),
            words: self.words,
            quote: false,
        };
        out.extend_from_slice(markdown::section(v, &memo).as_bytes());
    }
    fn explain(&self) -> bool {
        true
    }
    fn begin(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(format!("# {}\n\n", self.words.report_title()).as_bytes());
    }
    fn compares(&self) -> bool {
        true
    }
    fn compare(&self, case: &CaseAst, items: &[(&Verdict, &Pack)], out: &mut Vec<u8>) {
        out.extend_from_slice(compare::markdown(&case.id.text, items, self.words).as_bytes());
    }
}

/// A stream of blocks of one input.
type Blocks = Box<dyn Iterator<Item = Result<Block, ReadError>>>;

/// The blocks of every input: JSON Lines in blocks of lines, other files whole, `-` standard
/// input (JSON Lines if it starts with `{`, else YAML). Each real file is read once, and only
/// when the run reaches it (a folder of many files never holds them all open); the problems
/// of finding them (a path that does not exist, a folder that cannot be read or holds no case
/// file) come back at once.
fn blocks(
    paths: &[PathBuf],
    block_bytes: usize,
) -> (Vec<Blocks>, Vec<entrust::diagnostic::Diagnostic>) {
    let mut out: Vec<Blocks> = Vec::new();
    let mut errors = Vec::new();
    let mut collector = Collector::default();
    for p in paths {
        if p.as_os_str() == "-" {
            let name: Arc<str> = Arc::from("<stdin>");
            let mut head = Vec::new();
            {
                // Peek at the first non-blank byte; the lock is released before reading on.
                let mut stdin = io::stdin().lock();
                let mut byte = [0u8; 1];
                while let Ok(1) = stdin.read(&mut byte) {
                    head.push(byte[0]);
                    // A leading byte order mark is read past (and dropped by the readers).
                    let in_bom = head.len() <= 3 && entrust::source::BOM.starts_with(&head);
                    if !in_bom && !byte[0].is_ascii_whitespace() {
                        break;
                    }
                }
            }
            let first = head.last().copied();
            let rest = io::Cursor::new(head).chain(io::stdin());
            if first == Some(b'{') {
                let size = stream::BlockSize::new(block_bytes);
                out.push(Box::new(stream::jsonl_blocks(name, rest, size)));
            } else {
                let r = match entrust::source::read_whole_from(rest) {
                    Ok(text) => Ok(Block {
                        name,
                        format: CaseFormat::Yaml,
                        first_line: 1,
                        text,
                        size: None,
                    }),
                    Err(error) => Err(ReadError { name, error }),
                };
                out.push(Box::new(std::iter::once(r)));
            }
            continue;
        }
        let (inputs, errs) = collector.collect(p);
        errors.extend(errs);
        out.extend(inputs.into_iter().map(|i| file_blocks(i, block_bytes)));
    }
    (out, errors)
}

/// The blocks of one file, opened when first asked for.
fn file_blocks(input: Input, block_bytes: usize) -> Blocks {
    let name: Arc<str> = Arc::from(input.path.display().to_string());
    let opened = std::iter::once_with(move || -> Blocks {
        let failed = |error| -> Blocks {
            Box::new(std::iter::once(Err(ReadError {
                name: name.clone(),
                error,
            })))
        };
        match input.format {
            CaseFormat::Jsonl => match std::fs::File::open(&input.path) {
                Ok(f) => Box::new(stream::jsonl_blocks(
                    name.clone(),
                    f,
                    stream::BlockSize::new(block_bytes),
                )),
                Err(e) => failed(e),
            },
            format => match entrust::source::read_whole(&input.path) {
                Ok(text) => Box::new(std::iter::once(Ok(Block {
                    name: name.clone(),
                    format,
                    first_line: 1,
                    text,
                    size: None,
                }))),
                Err(e) => failed(e),
            },
        }
    });
    Box::new(opened.flatten())
}

/// The most threads a run judges with: four a core, and never more than 256. More only slow a
/// run down, and very many stop it: rayon's idle threads spin (yielding) before they sleep, so
/// thousands of them on a few cores starve the few at work (on 2 cores, 1,000 threads took 15 s
/// to judge nothing, and 10,000 did not end in a minute).
fn most_jobs(cores: usize) -> usize {
    cores.max(1).saturating_mul(4).min(256)
}

/// Sets the number of threads asked for (`--jobs`, else `RAYON_NUM_THREADS`), held to
/// [`most_jobs`] with a warning.
fn set_jobs(jobs: Option<usize>, w: &dyn Words) {
    let asked = jobs.or_else(|| {
        std::env::var("RAYON_NUM_THREADS")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|n| *n > 0)
    });
    let Some(asked) = asked else {
        return;
    };
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let most = most_jobs(cores);
    let n = asked.clamp(1, most);
    if n < asked {
        eprintln!("{}", w.files_jobs_capped(asked, n));
    }
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build_global();
}

pub fn run(
    g: &Global,
    files: &[PathBuf],
    format: Format,
    explain: bool,
    jobs: Option<usize>,
    output_path: Option<&Path>,
) -> Outcome {
    set_jobs(jobs, g.words());
    let (lib, outcome) = output::packs(g);
    if lib.packs.is_empty() {
        return Outcome::BadInput;
    }
    // A row of CSV has no room for the reasoning: say so rather than drop it silently.
    if explain && format == Format::Csv {
        eprintln!("{}", g.words().explain_not_in_csv());
    }
    let large = explain || matches!(format, Format::Markdown | Format::Html);
    let block_bytes = if large {
        stream::SMALL_BLOCK_BYTES
    } else {
        stream::BLOCK_BYTES
    };
    let (mut sources, errors) = blocks(files, block_bytes);
    let mut outcome = outcome;
    output::report(&lib, &errors);
    if error_count(&errors) > 0 {
        outcome = outcome.worst(Outcome::BadInput);
    }
    let sink: Box<dyn Sink> = match format {
        Format::Text => Box::new(TextSink {
            words: g.words(),
            explain,
        }),
        Format::Json => Box::new(JsonSink { explain }),
        Format::Jsonl => Box::new(stream::JsonLines { explain }),
        Format::Yaml => Box::new(YamlSink { explain }),
        Format::Csv => Box::new(CsvSink { words: g.words() }),
        Format::Markdown => Box::new(MarkdownSink { words: g.words() }),
        // The page needs every verdict: they are collected as JSON Lines (with explanations)
        // and rendered at the end.
        Format::Html => Box::new(stream::JsonLines { explain: true }),
    };
    let mut all = sources.iter_mut().flat_map(|b| b.by_ref());
    // The report goes to a temporary file renamed into place, so that an interrupted run never
    // leaves a half-written report where a good one was.
    let mut collected: Vec<u8> = Vec::new();
    let w = g.words();
    let mut target = match output::Target::open(output_path, files, w) {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("{}", w.error(&msg));
            return Outcome::BadInput;
        }
    };
    let mut err = output::stderr();
    let bar = output::Progress::new(w);
    let started = Instant::now();
    let mut progress = |n: usize| bar.set(n, started.elapsed() > Duration::from_secs(1));
    // An HTML page needs every verdict before it starts: collect them, render at the end.
    let counts = if format == Format::Html {
        stream::run(
            &lib,
            sink.as_ref(),
            g.as_of,
            &mut all,
            &mut collected,
            &mut err,
            &mut progress,
        )
    } else {
        stream::run(
            &lib,
            sink.as_ref(),
            g.as_of,
            &mut all,
            target.writer(),
            &mut err,
            &mut progress,
        )
    };
    bar.finish();
    let counts = match counts {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(err, "{}", w.error(&e.to_string()));
            return Outcome::BadInput;
        }
    };
    if format == Format::Html {
        let verdicts: Vec<Verdict> = collected
            .split(|c| *c == b'\n')
            .filter(|l| !l.is_empty())
            .filter_map(|l| serde_json::from_slice(l).ok())
            .collect();
        let items: Vec<(&Verdict, &entrust::compile::pack::Pack)> = verdicts
            .iter()
            .filter_map(|v| lib.pack(&v.under).map(|p| (v, p)))
            .collect();
        let page = entrust::render::html::report(&items, g.words().report_title(), g.words());
        if let Err(e) = target.writer().write_all(page.as_bytes()) {
            let _ = writeln!(err, "{}", w.error(&e.to_string()));
            return Outcome::BadInput;
        }
    }
    if let Err(msg) = target.commit(w) {
        let _ = writeln!(err, "{}", w.error(&msg));
        return Outcome::BadInput;
    }
    let _ = writeln!(err, "{}", w.evaluated(counts.evaluated, counts.rejected));
    if counts.rejected > 0 {
        outcome = outcome.worst(Outcome::BadInput);
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::most_jobs;

    #[test]
    fn jobs_are_held_to_four_a_core_and_256() {
        assert_eq!(most_jobs(0), 4);
        assert_eq!(most_jobs(2), 8);
        assert_eq!(most_jobs(64), 256);
        assert_eq!(most_jobs(1000), 256);
        assert_eq!(most_jobs(usize::MAX), 256);
    }
}
