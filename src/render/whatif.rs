//! The text of a what-if search: where the case stands, what settling each open question
//! would give, and for each goal the smallest sets of changes, in the pack's terms and in plain
//! words, with the rules that would then decide. Every phrase comes from the wording layer.

use crate::compile::pack::{FactId, Pack, Val};
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::eval::tri::Tri;
use crate::reason::whatif::{
    Change, Decider, Flip, Goal, Meaning, Resolution, SetError, Standing, Tried, WhatIf, meaning,
    tried,
};
use crate::words::{Balance, WhatifWords, Words};
use std::fmt::Write as _;

/// A side of the classification weighing, as the pack names it (`undecided` for none).
fn side_id(pack: &Pack, side: Option<u8>) -> &str {
    match (pack.classifier(), side) {
        (Some(w), Some(s)) => w.sides.get(usize::from(s)).map_or("", String::as_str),
        _ => "undecided",
    }
}

/// A value tried for a fact: as a case would write it, or, for a country no rule names, every
/// country other than those the rules name.
pub fn value_words(w: &dyn Words, pack: &Pack, f: FactId, v: Val) -> String {
    match tried(pack, f, v) {
        Tried::Value(v) => pack.show_value(f, v),
        Tried::CountryOtherThan(codes) => {
            let ww: &dyn WhatifWords = w;
            ww.country_other_than(&codes.join(w.comma()))
        }
    }
}

/// The change in the pack's terms: `fact: from → to`.
pub fn change_label(w: &dyn Words, pack: &Pack, c: &Change) -> String {
    let name = pack
        .facts
        .get(usize::from(c.fact))
        .map_or("", |d| d.name.as_str());
    format!(
        "{name}: {} → {}",
        pack.show_value(c.fact, c.from),
        value_words(w, pack, c.fact, c.to)
    )
}

/// What the change means, in words a client understands: the `because` of a factor or the
/// `holds`/`fails` of a test that reads only this fact, or else the fact's question with the
/// answer (see [`meaning`]). `date` is the day the rules are read in force.
pub fn change_words(w: &dyn Words, pack: &Pack, c: &Change, date: Date) -> String {
    let ww: &dyn WhatifWords = w;
    let because = |weighing: u16, factor: u16| {
        pack.weighings
            .get(usize::from(weighing))
            .and_then(|x| x.factors.get(usize::from(factor)))
            .map_or("", |f| f.because.as_str())
    };
    match meaning(pack, c, date) {
        Meaning::Fires { weighing, factor } => because(weighing, factor).to_string(),
        Meaning::Test { test, holds } => pack
            .tests
            .get(usize::from(test))
            .and_then(|t| {
                if holds {
                    t.holds.clone()
                } else {
                    t.fails.clone()
                }
            })
            .unwrap_or_default(),
        Meaning::NoLongerFires { weighing, factor } => ww.not_so(because(weighing, factor)),
        Meaning::Answer => {
            let question = pack
                .facts
                .get(usize::from(c.fact))
                .map_or("", |d| d.ask.as_str());
            let answer = match c.to {
                Val::Bool(b) => ww.yes_no(b).to_string(),
                v => value_words(w, pack, c.fact, v),
            };
            ww.answer_is(question, &answer)
        }
    }
}

/// A standing in a line: classification, lawfulness and the violations' codes.
pub fn standing_line(w: &dyn Words, pack: &Pack, s: &Standing) -> String {
    let ww: &dyn WhatifWords = w;
    let mut codes: Vec<&str> = Vec::new();
    for r in &s.violations {
        if let Some(def) = pack.requirements.get(usize::from(*r))
            && !codes.contains(&def.code.as_str())
        {
            codes.push(&def.code);
        }
    }
    let class = if s.applies == Tri::False {
        w.not_applying().to_string()
    } else {
        w.class(super::side_word(pack, side_id(pack, s.side)))
    };
    let mut line = format!("{class}{}{}", w.comma(), w.lawful(s.lawful.as_bool()));
    if !codes.is_empty() {
        let _ = write!(line, " ({})", codes.join(w.comma()));
    }
    if s.gaps && s.lawful == Tri::Unknown {
        line.push_str(ww.touches_not_encoded());
    }
    line
}

/// The balance of a standing in short: "balance +28 to +30 toward provision". Of more than two
/// sides: the lead of the side settled on (or the one with the most points) over the strongest
/// other.
fn balance_short(w: &dyn Words, pack: &Pack, s: &Standing) -> String {
    let ww: &dyn WhatifWords = w;
    let (lo, hi) = s.balance;
    let def = pack.classifier();
    if let Some(d) = def.filter(|d| d.sides.len() > 2) {
        let points = s.fired.unwrap_or_default();
        let b = super::many_balance(d, &points, s.side.map(usize::from), false);
        return ww.balance_in_short(&w.balance_range(b.sides, lo, hi));
    }
    let side = |i: usize| def.and_then(|d| d.sides.get(i)).map_or("", String::as_str);
    let sides: [&str; 2] = [side(0), side(1)];
    ww.balance_in_short(&w.balance_range(sides, lo, hi))
}

/// The balance of a standing in plain words, as the memo gives it, when every stretch weighed
/// the same factors.
fn balance_plain(w: &dyn Words, pack: &Pack, s: &Standing) -> Option<String> {
    let def = pack.classifier()?;
    let fired = s.fired?;
    if def.sides.len() > 2 {
        let b = super::many_balance(def, &fired, s.side.map(usize::from), s.decisive);
        return Some(w.balance(&b));
    }
    let (lo, hi) = s.balance;
    let side = |i: usize| def.sides.get(i).map_or("", String::as_str);
    let [f0, f1, ..] = fired;
    Some(w.balance(&Balance {
        sides: [side(0), side(1)],
        side: s.side.map(usize::from),
        fired: [f0, f1],
        lo,
        hi,
        margin: def.margin,
        decisive: s.decisive,
    }))
}

fn resolution_words(w: &dyn WhatifWords, pack: &Pack, r: &Resolution) -> String {
    match r {
        Resolution::Met => w.resolution_met().to_string(),
        Resolution::NoLongerApplies => w.resolution_gone().to_string(),
        Resolution::Remains => w.resolution_remains().to_string(),
        Resolution::Excused(e) => {
            let x = pack.exceptions.get(usize::from(*e));
            let cite = x.map(|x| x.meta.cite());
            w.resolution_excused(
                x.zip(cite.as_deref())
                    .map(|(x, c)| (x.meta.title.as_str(), c)),
            )
        }
    }
}

fn decider_line(w: &dyn Words, pack: &Pack, d: &Decider) -> String {
    let ww: &dyn WhatifWords = w;
    match d {
        Decider::Factor { weighing, factor } => pack
            .weighings
            .get(usize::from(*weighing))
            .and_then(|x| {
                let f = x.factors.get(usize::from(*factor))?;
                let side = x.sides.get(usize::from(f.side))?;
                Some(ww.factor_line(f.weight, side, f.decisive, &f.because, &f.meta.cite()))
            })
            .unwrap_or_default(),
        Decider::Requirement { req, now } => pack
            .requirements
            .get(usize::from(*req))
            .map(|r| {
                let now: Vec<String> = now
                    .iter()
                    .map(|(class, x)| {
                        let what = resolution_words(ww, pack, x);
                        match class {
                            Some(c) => ww.if_class(side_id(pack, Some(*c)), &what),
                            None => what,
                        }
                    })
                    .collect();
                format!(
                    "{} {} ({}): {}",
                    r.code,
                    r.meta.title,
                    r.meta.cite(),
                    if now.is_empty() {
                        ww.not_in_force().to_string()
                    } else {
                        now.join("; ")
                    }
                )
            })
            .unwrap_or_default(),
        Decider::Gap(g) => pack
            .gaps
            .get(usize::from(*g))
            .map(|x| {
                format!(
                    "{}: {} ({}): {}",
                    ww.not_encoded_label(),
                    x.meta.title,
                    x.meta.cite(),
                    ww.no_longer_touched()
                )
            })
            .unwrap_or_default(),
    }
}

/// A requirement or gap in the way of a goal that no change of the facts removes.
fn blocker_line(w: &dyn WhatifWords, pack: &Pack, d: &Decider) -> Option<String> {
    match d {
        Decider::Requirement { req, .. } => pack
            .requirements
            .get(usize::from(*req))
            .map(|r| format!("{} {} ({})", r.code, r.meta.title, r.meta.cite())),
        Decider::Gap(x) => pack.gaps.get(usize::from(*x)).map(|x| {
            format!(
                "{}: {} ({})",
                w.not_encoded_label(),
                x.meta.title,
                x.meta.cite()
            )
        }),
        Decider::Factor { .. } => None,
    }
}

/// The plain-words summary of a flip: "To be outsourcing: …; and …."
fn plain_words(w: &dyn Words, pack: &Pack, goal: Goal, flip: &Flip, date: Date) -> String {
    let ww: &dyn WhatifWords = w;
    let target = match goal {
        Goal::Classification(side) => ww.to_be_class(side_id(pack, Some(side))),
        Goal::Lawful => ww.to_be_lawful(flip.result.side.map(|s| side_id(pack, Some(s)))),
    };
    let parts: Vec<String> = flip
        .changes
        .iter()
        .map(|c| change_words(w, pack, c, date))
        .collect();
    ww.plain_sentence(&target, &parts)
}

/// A `--set` argument that cannot be read, as a diagnostic pointing into it.
pub fn set_error(e: &SetError) -> Diagnostic {
    match e {
        SetError::NotFactEqualsValue { arg, span } => {
            Diagnostic::error(crate::case::Msg::NotFactValue { arg: arg.clone() }, *span)
        }
    }
}

/// Renders a what-if search as text. `date` is the first day of the case (for the words of
/// rules in force), `shown` the most sets listed per goal.
pub fn render_text(w: &dyn Words, pack: &Pack, wi: &WhatIf, date: Date, shown: usize) -> String {
    let ww: &dyn WhatifWords = w;
    let mut out = String::new();
    let _ = writeln!(out, "{}", ww.as_it_stands());
    match balance_plain(w, pack, &wi.start) {
        Some(plain) => {
            let _ = writeln!(out, "  {}", standing_line(w, pack, &wi.start));
            let _ = writeln!(out, "    {plain}");
        }
        None => {
            let _ = writeln!(
                out,
                "  {} ({})",
                standing_line(w, pack, &wi.start),
                balance_short(w, pack, &wi.start)
            );
        }
    }
    if !wi.open.is_empty() {
        let _ = writeln!(out, "\n{}", ww.open_heading());
        for q in &wi.open {
            let Some(def) = pack.facts.get(usize::from(q.fact)) else {
                continue;
            };
            let _ = writeln!(
                out,
                "  {} ({}): {}",
                def.name,
                ww.could_change_what(q.classification),
                def.ask
            );
            // Answers that lead to the same outcome on one line.
            let mut lines: Vec<(String, Vec<String>)> = Vec::new();
            for (v, s) in &q.answers {
                let outcome = standing_line(w, pack, s);
                let value = value_words(w, pack, q.fact, *v);
                match lines.iter_mut().find(|(o, _)| *o == outcome) {
                    Some((_, vs)) => vs.push(value),
                    None => lines.push((outcome, vec![value])),
                }
            }
            for (outcome, values) in lines {
                let _ = writeln!(out, "    {} → {outcome}", values.join(ww.or_word()));
            }
        }
    }
    for g in &wi.goals {
        let heading = match g.goal {
            Goal::Classification(side) => {
                ww.goal_heading(Some(super::side_word(pack, side_id(pack, Some(side)))))
            }
            Goal::Lawful => ww.goal_heading(None),
        };
        let _ = writeln!(out, "\n{heading}");
        if !g.blocked_by.is_empty() {
            let _ = writeln!(out, "  {}", ww.blocked());
            for d in &g.blocked_by {
                if let Some(line) = blocker_line(ww, pack, d) {
                    let _ = writeln!(out, "    {line}");
                }
            }
            continue;
        }
        if g.flips.is_empty() {
            if wi.stopped_early {
                let _ = writeln!(out, "  {}", ww.none_before_stop());
            } else {
                let more = wi.searched < g.candidates.len();
                let _ = writeln!(out, "  {}", ww.none_within(wi.searched, more));
            }
            continue;
        }
        for (i, flip) in g.flips.iter().take(shown).enumerate() {
            let _ = writeln!(
                out,
                "  {} → {} ({})",
                ww.flip_heading(i + 1, flip.changes.len()),
                standing_line(w, pack, &flip.result),
                balance_short(w, pack, &flip.result)
            );
            for c in &flip.changes {
                let settle = if c.from == Val::Unknown {
                    ww.settles_open()
                } else {
                    ""
                };
                let _ = writeln!(out, "       {}{settle}", change_label(w, pack, c));
            }
            let _ = writeln!(out, "     {}", plain_words(w, pack, g.goal, flip, date));
            if !flip.deciding.is_empty() {
                let _ = writeln!(out, "     {}", ww.decided_by());
                // Factors: those the changes bear on in full, the others by name.
                let mut along: Vec<&str> = Vec::new();
                for d in &flip.deciding {
                    if let Decider::Factor { weighing, factor } = d {
                        let f = pack
                            .weighings
                            .get(usize::from(*weighing))
                            .and_then(|x| x.factors.get(usize::from(*factor)));
                        let touched = f.is_some_and(|f| {
                            flip.changes.iter().any(|c| f.facts.contains(&c.fact))
                        });
                        if !touched {
                            if let Some(f) = f {
                                along.push(&f.meta.id);
                            }
                            continue;
                        }
                    }
                    let _ = writeln!(out, "       {}", decider_line(w, pack, d));
                }
                if !along.is_empty() {
                    let _ = writeln!(out, "       {}", ww.along(&along.join(w.comma())));
                }
            }
        }
        if g.flips.len() > shown {
            let _ = writeln!(out, "  {}", ww.more_sets(g.flips.len() - shown));
        }
    }
    let _ = writeln!(out);
    if wi.stopped_early {
        let considered = (wi.evaluations < wi.budget).then_some(wi.considered);
        let _ = writeln!(
            out,
            "{}",
            ww.stopped_early(wi.evaluations, considered, wi.searched)
        );
    } else {
        let _ = writeln!(out, "{}", ww.searched_all(wi.searched, wi.evaluations));
    }
    out
}
