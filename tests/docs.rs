//! The repository documents itself (issue 11 §3): the README's commands run as shown, its and
//! the docs' links and paths stay inside the repository, and the fact vocabulary of
//! `docs/facts.md` (and the Korean pack's own facts in `statutes/kr/README.md`) is the one
//! `entrust facts` lists.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ---- the README's commands ----------------------------------------------------------------------

/// The command lines of the README's `sh` blocks, with their line numbers.
fn readme_commands() -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let mut out = Vec::new();
    let mut fence: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("```") {
            fence = match fence {
                None => Some(rest.trim().to_string()),
                Some(_) => None,
            };
            continue;
        }
        let command = line.trim();
        match &fence {
            Some(lang) if lang == "sh" && !command.is_empty() && !command.starts_with('#') => {
                out.push((i + 1, command.to_string()));
            }
            // A command in a block of another kind would not be run: it must be in an `sh` one.
            Some(lang) if lang != "sh" => assert!(
                !command.starts_with("entrust ") && !command.starts_with("cargo "),
                "README.md:{}: a command outside an `sh` block: {command}",
                i + 1
            ),
            _ => {}
        }
    }
    out
}

/// The exit code a README command is said to end with (`# exits 1`), else 0.
fn stated_exit(command: &str) -> i32 {
    command
        .split_once('#')
        .and_then(|(_, comment)| comment.split("exits ").nth(1))
        .map(|rest| {
            rest.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// A scratch folder in which the README's commands see the repository's files as they are
/// (each top-level folder they read linked in) and write their own files, and a `bin` folder
/// holding `entrust`, the binary these tests built.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["cases", "statutes", "docs", "benches", "examples", "tests"] {
        std::os::unix::fs::symlink(repo().join(name), dir.path().join(name)).unwrap();
    }
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_entrust"), bin.join("entrust")).unwrap();
    dir
}

/// Runs every command of the README's `sh` blocks as shown, in a scratch folder (so that the
/// files they write land there), and checks it ends with exit code 0, or the one the README
/// states (`# exits N`). `cargo run --release -- ARGS` runs the program these tests built (the
/// same program, without a release build); `cargo run --example …` runs as written, in the
/// repository; `cargo test` is the run this test is part of, and is the one command not run. A
/// command that could write into the repository (`fmt` without `--check`, `ask` without
/// `--save` or `--no-save`) fails the test: the README should not show one unguarded.
#[test]
fn the_readme_commands_run_as_shown() {
    let commands = readme_commands();
    assert!(commands.len() >= 8, "{commands:?}");
    let dir = scratch();
    let path = format!(
        "{}:{}",
        dir.path().join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    let mut skipped = Vec::new();
    for (line, command) in &commands {
        let at = format!("README.md:{line}: {command}");
        let bare = command.split('#').next().unwrap_or_default().trim();
        if bare == "cargo test" || bare.starts_with("cargo test ") {
            skipped.push(bare.to_string());
            continue;
        }
        let words: Vec<&str> = command.split_whitespace().collect();
        assert!(
            !words.contains(&"fmt") || words.contains(&"--check"),
            "{at}: rewrites files in place"
        );
        assert!(
            !(words.contains(&"ask")
                && !words.contains(&"--save")
                && !words.contains(&"--no-save")),
            "{at}: saves answers into the case in place"
        );
        let (cwd, shell) = if let Some(rest) = command.strip_prefix("cargo run --release -- ") {
            (dir.path().to_path_buf(), format!("entrust {rest}"))
        } else if command.starts_with("cargo run --example ") {
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            (
                repo(),
                command.replacen("cargo run ", &format!("{cargo} run --quiet "), 1),
            )
        } else if command.starts_with("entrust ") {
            (dir.path().to_path_buf(), command.clone())
        } else {
            panic!("{at}: not a command this test knows how to run");
        };
        let out = Command::new("sh")
            .arg("-c")
            .arg(&shell)
            .current_dir(&cwd)
            .env("PATH", &path)
            .env_remove("ENTRUST_LANG")
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(stated_exit(command)),
            "{at}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
    }
    assert_eq!(skipped, ["cargo test"], "only `cargo test` is left out");
    assert_eq!(ran, commands.len() - 1);
    // What the commands wrote is there: the verdicts and the report.
    let verdicts = std::fs::read_to_string(dir.path().join("verdicts.jsonl")).unwrap();
    assert!(verdicts.lines().count() >= 60);
    let report = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(report.starts_with("<!DOCTYPE html>"));
}

// ---- links and paths ----------------------------------------------------------------------------

/// Every Markdown link of the README and the docs leads to a file of the repository, and no
/// file of the repository (document, script, pack, source, test, benchmark) sends its reader to
/// the project's `shared/` folder, which a clone does not have.
#[test]
fn no_document_points_outside_the_repository() {
    let root = std::fs::canonicalize(repo()).unwrap();
    let files = clone_files(&root);
    assert!(files.len() >= 100, "{}", files.len());
    let documents = files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "md"));
    for doc in documents {
        let text = std::fs::read_to_string(doc).unwrap();
        for (i, _) in text.match_indices("](") {
            let target = &text[i + 2..];
            let target = &target[..target.find(')').unwrap()];
            if target.starts_with("http") || target.starts_with('#') {
                continue;
            }
            let file = doc
                .parent()
                .unwrap()
                .join(target.split('#').next().unwrap());
            let file = std::fs::canonicalize(&file).unwrap_or_else(|_| {
                panic!("{}: link to {target}, which does not exist", doc.display())
            });
            assert!(
                file.starts_with(&root),
                "{}: link to {target}, outside the repository",
                doc.display()
            );
        }
    }
    let mut read = 0;
    for f in files {
        // Binary files (screenshots) are not read; this file names what it looks for.
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        if f.ends_with("tests/docs.rs") {
            continue;
        }
        read += 1;
        for (n, line) in text.lines().enumerate() {
            let outside = line.contains("../shared")
                || line.match_indices("shared/").any(|(i, _)| {
                    !line[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                });
            assert!(!outside, "{}:{}: {line}", f.display(), n + 1);
        }
    }
    assert!(read >= 100, "{read}");
}

/// Every file of the repository as a clone has it: the files git tracks, and those it would
/// (not ignored); where git cannot say (no `.git`, no git), every file but what builds and
/// fuzzing write.
fn clone_files(root: &std::path::Path) -> Vec<PathBuf> {
    let listed = std::process::Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(root)
        .output();
    match listed {
        Ok(o) if o.status.success() && !o.stdout.is_empty() => o
            .stdout
            .split(|b| *b == 0)
            .filter(|p| !p.is_empty())
            .map(|p| root.join(String::from_utf8_lossy(p).as_ref()))
            .filter(|p| p.is_file())
            .collect(),
        _ => {
            let mut files = Vec::new();
            shipped(root, &mut files);
            files
        }
    }
}

/// Every file under `dir` but `.git` and what builds and fuzzing write (`target/`, a fuzzing
/// corpus, its artifacts and logs).
fn shipped(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if name == ".git" {
            continue;
        }
        // A link is not followed: a clone holds the link, not what it points to.
        if e.file_type().unwrap().is_dir() {
            if !["target", "corpus", "artifacts", "coverage"].contains(&name.as_str()) {
                shipped(&p, out);
            }
        } else if !name.ends_with(".log") {
            out.push(p);
        }
    }
}

// ---- the fact vocabulary ------------------------------------------------------------------------

/// A fact as a document's table gives it: its type and, for `enum` and `set`, its values.
#[derive(Debug, PartialEq)]
struct Documented {
    ty: String,
    values: Vec<String>,
    section: String,
}

/// The rows `` | `name` | type … | `` of a Markdown document's tables, by section.
fn documented(path: &str) -> BTreeMap<String, Documented> {
    let text = std::fs::read_to_string(repo().join(path)).unwrap();
    let mut out = BTreeMap::new();
    let mut section = String::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            section = h.to_string();
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let (Some(name), Some(ty)) = (cells.get(1), cells.get(2)) else {
            continue;
        };
        let Some(name) = name.strip_prefix('`').and_then(|n| n.strip_suffix('`')) else {
            continue;
        };
        let kind: String = ty.chars().take_while(char::is_ascii_alphabetic).collect();
        if !["bool", "number", "date", "country", "enum", "set"].contains(&kind.as_str()) {
            continue;
        }
        let values = ty
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        out.insert(
            name.to_string(),
            Documented {
                ty: kind,
                values,
                section: section.clone(),
            },
        );
    }
    out
}

/// `entrust facts --format json` lists every fact of the Korean pack, each documented: in
/// docs/facts.md with the same type and values, or among the pack's own facts in its README with
/// the same type; every fact docs/facts.md gives outside its section for other laws is in the
/// pack, as is every fact the pack's README lists. The JSON keys are the ones scripts rely on.
#[test]
fn the_facts_listed_are_the_documented_vocabulary() {
    let out = entrust()
        .args(["facts", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let packs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kr = packs
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["pack"] == "kr")
        .unwrap();
    let keys: Vec<&String> = kr.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["pack", "title", "facts"]);
    let shared = documented("docs/facts.md");
    let own = documented("statutes/kr/README.md");
    assert!(shared.len() >= 40 && own.len() >= 15);
    let facts = kr["facts"].as_array().unwrap();
    let mut listed = Vec::new();
    for f in facts {
        let keys: Vec<&String> = f.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "name", "type", "values", "read_by", "question", "help", "given", "recorded",
                "burden"
            ]
        );
        let name = f["name"].as_str().unwrap();
        let ty = f["type"].as_str().unwrap();
        let values: Vec<String> = f["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        assert!(!f["question"].as_str().unwrap().is_empty(), "{name}");
        match (shared.get(name), own.get(name)) {
            (Some(d), None) => {
                assert_eq!((d.ty.as_str(), &d.values), (ty, &values), "{name}");
            }
            (None, Some(d)) => assert_eq!(d.ty, ty, "{name}"),
            (Some(_), Some(_)) => panic!("{name} is both shared and the pack's own"),
            (None, None) => panic!("{name} is in no document"),
        }
        listed.push(name);
    }
    for (name, d) in &shared {
        assert!(
            listed.contains(&name.as_str()) || d.section.starts_with("Facts for other laws"),
            "docs/facts.md names {name}, which the pack does not read"
        );
    }
    for name in own.keys() {
        assert!(
            listed.contains(&name.as_str()),
            "statutes/kr/README.md names {name}, which the pack does not have"
        );
    }
}

/// `entrust facts` in text: each fact with its type, question and help, in the language of the
/// run; an unknown pack is an error naming the packs there are.
#[test]
fn the_facts_in_words_in_each_language() {
    let out = entrust().args(["facts", "kr"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Pack `kr`: Korean law on outsourcing and provision of personal data\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\nprocessing_serves: one of transferor, recipient, third_party, shared\n  read by: eu, jp, kr\n  question: "
        ),
        "{text}"
    );
    assert!(
        text.contains("  burden: the transferor must prove it; unproven, it counts as false\n")
    );
    let out = entrust()
        .args(["--lang", "ko", "facts", "kr"])
        .output()
        .unwrap();
    let ko = String::from_utf8(out.stdout).unwrap();
    assert!(
        ko.starts_with("법령팩 `kr`: 개인정보의 처리위탁 및 제3자 제공에 관한 한국 법령\n"),
        "{ko}"
    );
    assert!(ko.contains("\n  질문: 개인정보를 이전하는 자는 어떤 유형의 기관입니까?\n"));
    assert!(!ko.contains("question:") && !ko.contains("help:"), "{ko}");
    // The same facts, names and values in both.
    let names = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| !l.starts_with(' ') && l.contains(": "))
            .skip(1)
            .map(|l| l.split(':').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(&text), names(&ko));
    let out = entrust().args(["facts", "kor"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: no pack `kor` (packs: eu, jp, kr)\n"
    );
}
