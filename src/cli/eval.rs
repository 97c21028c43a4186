//! `entrust eval`: verdicts for scripts.

use super::{Format, Outcome, output};
use entrust::date::Date;
use entrust::eval::Evaluator;
use entrust::render::{json, text};
use entrust::verdict::judge;
use std::io::Write as _;
use std::path::{Path, PathBuf};

pub fn run(
    statutes: Option<&Path>,
    as_of: Option<Date>,
    files: &[PathBuf],
    format: Format,
    explain: bool,
) -> Outcome {
    let (mut lib, mut outcome) = output::packs(statutes);
    let (cases, o) = output::cases(&mut lib, files, as_of);
    outcome = outcome.worst(o);
    let mut ev = Evaluator::new();
    let mut verdicts = Vec::new();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for c in &cases {
        for (i, bound) in &c.bound {
            let Some(pack) = lib.packs.get(*i) else {
                continue;
            };
            let sources = if explain { Some(&lib.sources) } else { None };
            let v = judge(pack, &c.case, bound, &mut ev, sources);
            match format {
                Format::Jsonl => {
                    let _ = writeln!(out, "{}", json::line(&v));
                }
                Format::Text => {
                    let _ = write!(out, "{}", text::summary(&v));
                }
                Format::Json => verdicts.push(v),
            }
        }
    }
    if format == Format::Json {
        let _ = writeln!(out, "{}", json::array(&verdicts));
    }
    outcome
}
