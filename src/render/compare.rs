//! The comparison of one case judged under several laws: a column per law, a row per aspect
//! ([`CompareRow`]), in plain text (a grid), Markdown (a table) and HTML (a table). The cells
//! are built once, from the verdicts alone, and each format only lays them out.

use super::columns::{lines, pad_right, width};
use super::html::esc;
use super::markdown::md as md_cell;
use super::{class_code, during_words};
use crate::compile::pack::Pack;
use crate::verdict::Verdict;
use crate::words::{CompareRow, Words};
use std::fmt::Write as _;

/// The most open questions listed in a cell; the others are counted.
const MOST_QUESTIONS: usize = 6;

/// The widest a text comparison is laid out, in places on a terminal.
const TEXT_WIDTH: usize = 120;

/// The narrowest a law's column of the text grid is.
const MIN_COLUMN: usize = 24;

/// One law's column: its pack id, its title, and each row's items (a cell is a list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The pack's id (`kr`).
    pub under: String,
    /// The pack's title in the run's language.
    pub law: String,
    /// The items of each row, in the order of [`CompareRow::ALL`].
    pub cells: Vec<Vec<String>>,
}

/// The columns of a case's verdicts, one per law, in the order judged.
pub fn column_per_law(items: &[(&Verdict, &Pack)], w: &dyn Words) -> Vec<Column> {
    items
        .iter()
        .map(|(v, pack)| Column {
            under: v.under.clone(),
            law: pack.title.clone(),
            cells: CompareRow::ALL.iter().map(|r| cell(*r, v, w)).collect(),
        })
        .collect()
}

/// The items of one row for one verdict.
fn cell(row: CompareRow, v: &Verdict, w: &dyn Words) -> Vec<String> {
    let reached = v.applies != Some(Some(false));
    let none = || vec![w.compare_none().to_string()];
    match row {
        CompareRow::Applies => {
            let mut out = vec![w.compare_applies(v.applies).to_string()];
            out.extend(v.reasons.iter().cloned());
            out
        }
        _ if !reached => vec![w.compare_not_reached().to_string()],
        CompareRow::Relation => {
            let said = w.class(&class_code(w, v));
            let axis = w.class(&v.classification);
            if said == axis {
                vec![said]
            } else {
                vec![format!("{said} ({axis})")]
            }
        }
        CompareRow::Lawful => vec![w.lawful_answer(v.lawful).to_string()],
        CompareRow::Violations if v.violations.is_empty() => none(),
        CompareRow::Violations => v
            .violations
            .iter()
            .map(|x| {
                let head = format!("{} ({})", x.code, during_words(w, &x.during));
                match &x.exposes {
                    Some(e) => format!("{head}; {}: {e}", w.compare_exposes()),
                    None => head,
                }
            })
            .collect(),
        CompareRow::Possible if v.possible_violations.is_empty() => none(),
        CompareRow::Possible => v
            .possible_violations
            .iter()
            .map(|x| format!("{} ({})", x.code, during_words(w, &x.during)))
            .collect(),
        CompareRow::Open if v.unknowns.is_empty() => none(),
        CompareRow::Open => {
            let mut out: Vec<String> = v
                .unknowns
                .iter()
                .take(MOST_QUESTIONS)
                .map(|u| u.question.clone())
                .collect();
            let more = v.unknowns.len().saturating_sub(MOST_QUESTIONS);
            if more > 0 {
                out.push(w.compare_more(more));
            }
            out
        }
        CompareRow::NotChecked if v.not_checked.is_empty() => none(),
        CompareRow::NotChecked => v.not_checked.iter().map(|g| g.title.clone()).collect(),
    }
}

/// The comparison as a text grid: a heading, then a row per aspect with a column per law, each
/// cell wrapped to its column, rows apart by a rule. At most [`TEXT_WIDTH`] places wide unless
/// there are so many laws that each column needs [`MIN_COLUMN`].
pub fn text(id: &str, items: &[(&Verdict, &Pack)], w: &dyn Words) -> String {
    let cols = column_per_law(items, w);
    let mut out = String::new();
    let _ = writeln!(out, "{}", w.compare_heading().to_uppercase());
    let _ = writeln!(out, "  {}", w.compare_intro(id, cols.len()));
    let _ = writeln!(out);
    let label_width = CompareRow::ALL
        .iter()
        .map(|r| width(w.compare_row(*r)))
        .max()
        .unwrap_or(0);
    let n = cols.len().max(1);
    let gap = 3;
    let col_width = (TEXT_WIDTH.saturating_sub(2 + label_width + gap * n) / n).max(MIN_COLUMN);
    let rule = format!(
        "  {}",
        "-".repeat(label_width + (col_width + gap) * cols.len())
    );
    let head: Vec<Vec<String>> = cols
        .iter()
        .map(|c| lines(&format!("{}: {}", c.under, c.law), col_width))
        .collect();
    grid_row(&mut out, "", &head, label_width, col_width, gap);
    for (k, row) in CompareRow::ALL.iter().enumerate() {
        let _ = writeln!(out, "{rule}");
        let cells: Vec<Vec<String>> = cols
            .iter()
            .map(|c| {
                c.cells
                    .get(k)
                    .map(|items| {
                        let bullet = items.len() > 1;
                        items
                            .iter()
                            .flat_map(|i| item_lines(i, col_width, bullet))
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        grid_row(
            &mut out,
            w.compare_row(*row),
            &cells,
            label_width,
            col_width,
            gap,
        );
    }
    let _ = writeln!(out, "{rule}");
    out
}

/// An item's lines in a column: bulleted (`- `, the rest indented) where a cell holds several.
fn item_lines(item: &str, col_width: usize, bullet: bool) -> Vec<String> {
    if !bullet {
        return lines(item, col_width);
    }
    lines(item, col_width.saturating_sub(2))
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("- {l}")
            } else {
                format!("  {l}")
            }
        })
        .collect()
}

/// One row of the grid: the label in the first line, each column's lines side by side.
fn grid_row(
    out: &mut String,
    label: &str,
    cells: &[Vec<String>],
    label_width: usize,
    col_width: usize,
    gap: usize,
) {
    let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
    for i in 0..height {
        let mut line = format!(
            "  {}",
            pad_right(if i == 0 { label } else { "" }, label_width)
        );
        for c in cells {
            line.push_str(&" ".repeat(gap));
            line.push_str(&pad_right(c.get(i).map_or("", String::as_str), col_width));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// The comparison as a Markdown section: a heading and a table with a column per law, the
/// items of a cell apart by line breaks.
pub fn markdown(id: &str, items: &[(&Verdict, &Pack)], w: &dyn Words) -> String {
    let cols = column_per_law(items, w);
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", md_cell(w.compare_heading()));
    let _ = writeln!(out, "{}\n", md_cell(&w.compare_intro(id, cols.len())));
    let _ = write!(out, "| |");
    for c in &cols {
        let _ = write!(out, " **{}**: {} |", md_cell(&c.under), md_cell(&c.law));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "|---|{}", "---|".repeat(cols.len()));
    for (k, row) in CompareRow::ALL.iter().enumerate() {
        let _ = write!(out, "| **{}** |", md_cell(w.compare_row(*row)));
        for c in &cols {
            let items: Vec<String> = c
                .cells
                .get(k)
                .map(|items| items.iter().map(|i| md_cell(i)).collect())
                .unwrap_or_default();
            let _ = write!(out, " {} |", items.join("<br>"));
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out);
    out
}

/// The comparison as an HTML section (for the report page): a heading and a table with a
/// column per law; a cell of several items is a list. `anchor` is the section's id.
pub fn html(id: &str, anchor: &str, items: &[(&Verdict, &Pack)], w: &dyn Words) -> String {
    let cols = column_per_law(items, w);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section class=\"compare\" id=\"{}\">\n<h2>{}</h2>\n<p class=\"small muted\">{}</p>\n\
<table class=\"compare\">\n<thead><tr><th scope=\"col\"></th>",
        esc(anchor),
        esc(w.compare_heading()),
        esc(&w.compare_intro(id, cols.len()))
    );
    for c in &cols {
        let _ = write!(
            out,
            "<th scope=\"col\"><code>{}</code> {}</th>",
            esc(&c.under),
            esc(&c.law)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (k, row) in CompareRow::ALL.iter().enumerate() {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th>",
            esc(w.compare_row(*row))
        );
        for c in &cols {
            let items = c.cells.get(k).map_or(&[][..], Vec::as_slice);
            match items {
                [one] => {
                    let _ = write!(out, "<td>{}</td>", esc(one));
                }
                many => {
                    out.push_str("<td><ul>");
                    for i in many {
                        let _ = write!(out, "<li>{}</li>", esc(i));
                    }
                    out.push_str("</ul></td>");
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    out
}
