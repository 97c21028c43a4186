//! `entrust diff`: why two cases came out differently.

use super::{Global, Outcome, output};
use entrust::batch::LoadedCase;
use entrust::date::Date;
use entrust::eval::Evaluator;
use entrust::library::Library;
use entrust::reason::diff;
use entrust::verdict::{Verdict, judge};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// Loads the one case of a file (each file on its own, so that a case can be compared with its
/// twin in another format, which has the same id).
fn one_case(lib: &mut Library, path: &Path, as_of: Option<Date>) -> Option<LoadedCase> {
    let (mut cases, outcome) = output::cases(lib, &[path.to_path_buf()], as_of);
    if outcome.code() != 0 {
        return None;
    }
    if cases.len() != 1 {
        eprintln!(
            "error: {} holds {} cases; diff compares one case with one",
            path.display(),
            cases.len()
        );
        return None;
    }
    cases.pop()
}

fn verdict_line(v: &Verdict) -> String {
    let lawful = match v.lawful {
        Some(true) => "lawful",
        Some(false) => "unlawful",
        None => "lawfulness open",
    };
    let mut codes: Vec<&str> = Vec::new();
    for x in &v.violations {
        if !codes.contains(&x.code.as_str()) {
            codes.push(&x.code);
        }
    }
    if codes.is_empty() {
        format!("{}, {lawful}", v.classification)
    } else {
        format!("{}, {lawful} ({})", v.classification, codes.join(", "))
    }
}

pub fn run(g: &Global, a: &Path, b: &Path) -> Outcome {
    let (mut lib, outcome) = output::packs(g);
    if outcome.code() != 0 {
        return outcome;
    }
    let Some(ca) = one_case(&mut lib, a, g.as_of) else {
        return Outcome::BadInput;
    };
    let Some(cb) = one_case(&mut lib, b, g.as_of) else {
        return Outcome::BadInput;
    };
    // The first pack of A's that B is judged under too.
    let shared = ca.bound.iter().find_map(|(i, ba)| {
        cb.bound
            .iter()
            .find(|(j, _)| j == i)
            .map(|(_, bb)| (*i, ba, bb))
    });
    let Some((pi, ba, bb)) = shared else {
        let under = |c: &LoadedCase| {
            c.case
                .under
                .iter()
                .map(|u| u.text.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        eprintln!(
            "error: the cases share no pack: {} is judged under {}, {} under {}",
            ca.case.id.text,
            under(&ca),
            cb.case.id.text,
            under(&cb)
        );
        return Outcome::BadInput;
    };
    let Some(pack) = lib.packs.get(pi) else {
        return Outcome::BadInput;
    };
    let mut ev = Evaluator::new();
    let va = judge(pack, &ca.case, ba, &mut ev, None);
    let vb = judge(pack, &cb.case, bb, &mut ev, None);
    let (na, nb) = if ca.case.id.text == cb.case.id.text {
        ("A".to_string(), "B".to_string())
    } else {
        (ca.case.id.text.clone(), cb.case.id.text.clone())
    };
    let mut report = String::new();
    let _ = writeln!(
        report,
        "diff {na} → {nb}, under {} ({})",
        pack.id, pack.title
    );
    for (name, c, bound, v) in [(&na, &ca, ba, &va), (&nb, &cb, bb, &vb)] {
        let period = if bound.from == bound.to {
            format!("on {}", bound.from)
        } else {
            format!("{} to {}", bound.from, bound.to)
        };
        let title = c.case.title.as_ref().map_or("", |t| t.get(g.lang));
        let file_id = if *name == c.case.id.text {
            String::new()
        } else {
            format!("{}: ", c.case.id.text)
        };
        let _ = writeln!(report, "  {name}: {file_id}{title} ({period})");
        let _ = writeln!(report, "     {}", verdict_line(v));
    }
    let _ = writeln!(report);
    let d = diff::diff(pack, ba, bb, &mut ev);
    report.push_str(&diff::render_text(pack, &d, &na, &nb));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Err(e) = out.write_all(report.as_bytes()) {
        eprintln!("error: cannot write the report: {e}");
        return Outcome::BadInput;
    }
    Outcome::Ok
}
