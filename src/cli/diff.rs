//! `entrust diff`: why two cases came out differently.

use super::{Global, Outcome, output};
use entrust::batch::LoadedCase;
use entrust::date::Date;
use entrust::eval::Evaluator;
use entrust::library::Library;
use entrust::reason::diff;
use entrust::render::diff as render;
use entrust::verdict::judge;
use entrust::words::Words;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// Loads the one case of a file (each file on its own, so that a case can be compared with its
/// twin in another format, which has the same id).
fn one_case(
    lib: &mut Library,
    path: &Path,
    as_of: Option<Date>,
    w: &dyn Words,
) -> Option<LoadedCase> {
    let (mut cases, outcome) = output::cases(lib, &[path.to_path_buf()], as_of);
    if outcome.code() != 0 {
        return None;
    }
    if cases.len() != 1 {
        eprintln!(
            "{}",
            w.diff_not_one_case(&path.display().to_string(), cases.len())
        );
        return None;
    }
    cases.pop()
}

pub fn run(g: &Global, a: &Path, b: &Path) -> Outcome {
    let (mut lib, outcome) = output::packs(g);
    if outcome.code() != 0 {
        return outcome;
    }
    let w = g.words();
    let Some(ca) = one_case(&mut lib, a, g.as_of, w) else {
        return Outcome::BadInput;
    };
    let Some(cb) = one_case(&mut lib, b, g.as_of, w) else {
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
            "{}",
            w.diff_no_shared_pack(&ca.case.id.text, &under(&ca), &cb.case.id.text, &under(&cb))
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
        "{}",
        w.diff_heading(&na, &nb, &pack.id, &pack.title)
    );
    for (name, c, bound, v) in [(&na, &ca, ba, &va), (&nb, &cb, bb, &vb)] {
        let period = w.diff_period(&bound.from.to_string(), &bound.to.to_string());
        let title = c.case.title.as_ref().map_or("", |t| t.get(g.lang));
        let file_id = if *name == c.case.id.text {
            String::new()
        } else {
            format!("{}: ", c.case.id.text)
        };
        let _ = writeln!(report, "  {name}: {file_id}{title} ({period})");
        let _ = writeln!(report, "     {}", render::verdict_line(w, v));
    }
    let _ = writeln!(report);
    let d = diff::diff(pack, ba, bb, &mut ev);
    report.push_str(&render::text(w, pack, &d, &na, &nb));
    let mut out = output::stdout();
    if let Err(e) = out.write_all(report.as_bytes()) {
        eprintln!("{}", w.diff_cannot_write(&e.to_string()));
        return Outcome::BadInput;
    }
    Outcome::Ok
}
