//! Training in words: a step of the engine's reasoning, a graded answer, the score table of a
//! class, each phrase from the wording layer ([`crate::words::TrainingWords`]), in the language
//! of the run. The grading itself is [`crate::reason::training`]'s.

pub use super::columns::{pad_left, pad_right, width, wrap};
use crate::reason::training::{Grade, Part, PartGrade, Said, Sheet, Step, StepDetail, StepKind};
use crate::words::{TrainingWords, Words};
use std::fmt::Write as _;

/// Formats points for a table: at most two decimals, no trailing zeros (`4`, `3.5`, `2.67`).
pub fn points(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// What a part says, in words: a classification, a lawfulness, a list of codes or names.
pub fn said(s: &Said, w: &dyn Words) -> String {
    match s {
        Said::NoAnswer => w.no_answer().to_string(),
        Said::Class(c) => w.answer_class(c),
        Said::Lawful(l) => w.lawful_answer(l.as_verdict()).to_string(),
        Said::Names(xs) if xs.is_empty() => w.none().to_string(),
        Said::Names(xs) => xs.join(w.comma()),
        Said::AnyGround => w.any_ground().to_string(),
    }
}

/// A step's detail in words.
fn detail(d: &StepDetail, w: &dyn Words) -> String {
    match d {
        StepDetail::Weight(x) => w.weight_detail(x),
        StepDetail::Node(text) => text.clone(),
        StepDetail::DoesNotApply(unmet) => {
            let items: Vec<String> = unmet
                .iter()
                .map(|u| {
                    let title = if u.id.is_empty() {
                        u.title.clone()
                    } else {
                        format!("{} ({})", u.title, u.id)
                    };
                    w.unmet(&title, &u.result)
                })
                .collect();
            w.does_not_apply(&items.join("; "))
        }
        StepDetail::ExcusedBy(by) => by
            .iter()
            .map(|r| w.excused_by_rule(&r.id, &r.title, &r.cite))
            .collect::<Vec<_>>()
            .join("; "),
        StepDetail::Met(met) if met.is_empty() => w.no_requirement_applies().to_string(),
        StepDetail::Met(met) => w.met_rules(
            &met.iter()
                .map(|r| format!("{} ({})", r.id, r.cite))
                .collect::<Vec<_>>()
                .join(w.comma()),
        ),
        StepDetail::NotInForce {
            code,
            message,
            from,
            until,
        } => TrainingWords::not_in_force(w, code, message, from.as_deref(), until.as_deref()),
    }
}

/// A step named short: its kind and id (`requirement purpose_limit`).
fn step_name(s: &Step, w: &dyn Words) -> String {
    let kind = w.step_kind(s.kind);
    if s.id.is_empty() {
        kind
    } else {
        format!("{kind} {}", s.id)
    }
}

/// A step in words, each line indented by `indent`.
pub fn step(s: &Step, indent: &str, w: &dyn Words) -> String {
    let mut out = String::new();
    let mut head = format!("{indent}{}: {}", step_name(s, w), w.step_result(&s.result));
    if let Some((from, to)) = &s.period {
        head.push_str(&w.step_period(from, to));
    }
    head.push_str(&w.if_classified_long(s.assuming.as_deref()));
    let _ = writeln!(out, "{head}");
    let more = format!("{indent}  ");
    let title = if s.kind == StepKind::Lawfulness {
        w.all_met_title()
    } else {
        s.title.as_str()
    };
    let _ = writeln!(out, "{more}{}", wrap(title, 92, &format!("{more}  ")));
    if let Some(d) = &s.detail {
        let _ = writeln!(
            out,
            "{more}{}",
            wrap(&detail(d, w), 92, &format!("{more}  "))
        );
    }
    if !s.facts.is_empty() {
        let facts: Vec<String> = s
            .facts
            .iter()
            .map(|f| match &f.at {
                Some(at) => format!("{} = {} ({at})", f.fact, f.value),
                None => format!("{} = {}", f.fact, f.value),
            })
            .collect();
        // One fact a line, aligned after the label.
        let label = w.reads_label();
        let align = " ".repeat(width(label) + 1);
        let _ = writeln!(
            out,
            "{more}{label} {}",
            facts.join(&format!("\n{more}{align}"))
        );
    }
    if !s.cite.is_empty() {
        let _ = writeln!(out, "{more}{}: {}", w.cite_label(), s.cite);
    }
    for n in &s.notes {
        let _ = writeln!(
            out,
            "{more}{}",
            wrap(
                &format!("{}: {n}", w.note_label()),
                92,
                &format!("{more}  ")
            )
        );
    }
    out
}

/// The score of each part, what was right and wrong, and, for each part not fully right, the
/// step of the reasoning that differs (for violations, one per code missed or wrongly named).
pub fn grade(g: &Grade, w: &dyn Words) -> String {
    let mut out = String::new();
    for p in g.parts() {
        let _ = writeln!(
            out,
            "  {} {}  {}",
            pad_right(w.part(p.part), 15),
            pad_left(&format!("{}/{}", p.score.earned, p.score.possible), 4),
            w.you_engine(&said(&p.given, w), &said(&p.expected, w))
        );
        if !p.score.full() || p.part == Part::Violations {
            for r in &p.remarks {
                let _ = writeln!(out, "{:20}{}", "", w.remark(r));
            }
        }
    }
    let _ = writeln!(
        out,
        "  {} {}  {}",
        pad_right(w.exercise_total_label(), 15),
        pad_left(&points(g.total()), 4),
        w.out_of(&points(Grade::POSSIBLE))
    );
    let wrong: Vec<&PartGrade> = g
        .parts()
        .into_iter()
        .filter(|p| !p.score.full() && !p.steps.is_empty())
        .collect();
    if !wrong.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "  {}", w.differs_heading());
        let mut shown: Vec<(&Step, Part)> = Vec::new();
        for p in wrong {
            let steps: &[Step] = if p.part == Part::Violations {
                &p.steps
            } else {
                p.steps.get(..1).unwrap_or(&[])
            };
            for s in steps {
                match shown.iter().find(|(x, _)| *x == s) {
                    Some((_, part)) => {
                        let _ = writeln!(
                            out,
                            "  - {}: {}",
                            w.part(p.part),
                            w.same_step(
                                w.part(*part),
                                &format!("{} {}", w.step_kind(s.kind), s.id)
                            )
                        );
                    }
                    None => {
                        let _ = writeln!(out, "  - {}:", w.part(p.part));
                        out.push_str(&step(s, "    ", w));
                        shown.push((s, p.part));
                    }
                }
            }
        }
    }
    out
}

/// The score table: one row per exercise (`(id, level)`, in order), one column per trainee, a
/// class average, and the totals. Plain text with aligned columns, to paste into a report.
pub fn score_table(exercises: &[(String, String)], sheets: &[Sheet], w: &dyn Words) -> String {
    let mut out = String::new();
    let possible = Grade::POSSIBLE * exercises.len() as f64;
    let total_label = w.table_total(&points(possible));
    let idw = exercises
        .iter()
        .map(|(id, _)| width(id))
        .chain([width(w.table_exercise()), width(&total_label)])
        .max()
        .unwrap_or(8);
    let levels: Vec<String> = exercises.iter().map(|(_, l)| w.level(l)).collect();
    let lw = levels
        .iter()
        .map(|l| width(l))
        .chain([6, width(w.table_level())])
        .max()
        .unwrap_or(6);
    let cols: Vec<usize> = sheets.iter().map(|s| width(&s.trainee).max(6)).collect();
    let avg_w = width(w.table_average());
    let mut header = format!(
        "{}  {}",
        pad_right(w.table_exercise(), idw),
        pad_right(w.table_level(), lw)
    );
    for (s, c) in sheets.iter().zip(&cols) {
        let _ = write!(header, "  {}", pad_left(&s.trainee, *c));
    }
    let _ = write!(header, "  {}", pad_left(w.table_average(), avg_w));
    let rule = "-".repeat(width(header.trim_end()));
    let _ = writeln!(out, "{}", header.trim_end());
    let _ = writeln!(out, "{rule}");
    for ((id, _), level) in exercises.iter().zip(&levels) {
        let mut row = format!("{}  {}", pad_right(id, idw), pad_right(level, lw));
        let mut sum = 0.0;
        for (s, c) in sheets.iter().zip(&cols) {
            let cell = match s.grade(id) {
                Some(g) => {
                    sum += g.total();
                    points(g.total())
                }
                None => "-".into(),
            };
            let _ = write!(row, "  {}", pad_left(&cell, *c));
        }
        let avg = if sheets.is_empty() {
            "-".into()
        } else {
            points(sum / sheets.len() as f64)
        };
        let _ = write!(row, "  {}", pad_left(&avg, avg_w));
        let _ = writeln!(out, "{row}");
    }
    let _ = writeln!(out, "{rule}");
    let mut row = format!("{}  {}", pad_right(&total_label, idw), pad_right("", lw));
    let mut pct = format!(
        "{}  {}",
        pad_right(w.table_percent(), idw),
        pad_right("", lw)
    );
    let mut sum = 0.0;
    for (s, c) in sheets.iter().zip(&cols) {
        let t = s.total();
        sum += t;
        let _ = write!(row, "  {}", pad_left(&points(t), *c));
        let p = if possible > 0.0 {
            format!("{:.0}%", 100.0 * t / possible)
        } else {
            "-".into()
        };
        let _ = write!(pct, "  {}", pad_left(&p, *c));
    }
    let avg = if sheets.is_empty() {
        0.0
    } else {
        sum / sheets.len() as f64
    };
    let _ = write!(row, "  {}", pad_left(&points(avg), avg_w));
    let p = if possible > 0.0 {
        format!("{:.0}%", 100.0 * avg / possible)
    } else {
        "-".into()
    };
    let _ = write!(pct, "  {}", pad_left(&p, avg_w));
    let _ = writeln!(out, "{row}");
    let _ = writeln!(out, "{pct}");
    out
}

#[cfg(test)]
mod tests {
    use super::{pad_left, pad_right, points, width, wrap};

    #[test]
    fn points_are_short() {
        assert_eq!(points(4.0), "4");
        assert_eq!(points(3.5), "3.5");
        assert_eq!(points(2.0 + 2.0 / 3.0), "2.67");
        assert_eq!(points(0.0), "0");
    }

    #[test]
    fn hangul_takes_two_columns() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("법적 성격"), 9);
        assert_eq!(pad_right("평균", 6), "평균  ");
        assert_eq!(pad_left("평균", 6), "  평균");
        assert_eq!(wrap("가나 다라 마바", 9, "  "), "가나 다라\n  마바");
    }
}
