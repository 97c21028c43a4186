//! The file system and the process: folders walked once whatever their links, unreadable files
//! and folders named, empty folders and files warned of alike, rejected cases counted as cases,
//! `--jobs` held to what the machine can use, and a closed output ending a run quietly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::entrust;
use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};

/// Exit code, standard output and standard error of a run.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = entrust().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Many bench cases (under `benches/packs`): the edge cases repeated under fresh ids.
fn many_cases(n: usize) -> String {
    let edge = std::fs::read_to_string("benches/bench/edge_cases.jsonl").unwrap();
    let lines: Vec<&str> = edge.lines().collect();
    (0..n)
        .map(|i| {
            let line = lines[i % lines.len()];
            let rest = &line[line.find(",\"under\"").unwrap()..];
            format!("{{\"id\":\"c{i:07}\"{rest}\n")
        })
        .collect()
}

fn copy_case(to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy("cases/kr/courier-parcels.case", to).unwrap();
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

// ---- §1.3, §1.11: links -------------------------------------------------------------------

/// A folder holding links to itself, and a sub-folder holding a link to its parent: each real
/// folder is walked once and each real file read once, by every command that walks folders.
/// (Before: two links to itself made 2^33 paths, a hang; one link to the parent read the file
/// 17 times and reported 16 duplicate ids.)
#[cfg(unix)]
#[test]
fn links_back_to_a_folder_are_walked_once() {
    use std::os::unix::fs::symlink;
    let d = tempfile::tempdir().unwrap();
    let looped = d.path().join("loop");
    copy_case(&looped.join("courier-parcels.case"));
    symlink(".", looped.join("a")).unwrap();
    symlink(".", looped.join("b")).unwrap();
    let parent = d.path().join("parent");
    copy_case(&parent.join("sub/courier-parcels.case"));
    symlink("..", parent.join("sub/up")).unwrap();
    for dir in [&looped, &parent] {
        let (code, out, err) = run(&["eval", s(dir)]);
        assert_eq!(code, Some(0), "{err}");
        assert_eq!(out.lines().count(), 1, "{out}");
        assert_eq!(err.trim(), "1 evaluated, 0 rejected");
        let (code, out, err) = run(&["test", s(dir)]);
        assert_eq!(code, Some(0), "{err}");
        assert!(out.ends_with("1 passed, 0 failed\n"), "{out}");
        let (code, _, err) = run(&["check", s(dir)]);
        assert_eq!(code, Some(0), "{err}");
        assert!(err.contains("and 1 good case(s): no errors"), "{err}");
        let (code, _, err) = run(&["fmt", "--check", s(dir)]);
        assert_eq!(code, Some(0), "{err}");
        assert!(err.contains("0 file(s) would be reformatted, 1 already formatted"));
    }
}

/// One file reached three ways (named, inside a folder named, and through a link to it) is
/// read once: no duplicate id.
#[cfg(unix)]
#[test]
fn a_file_reached_twice_is_read_once() {
    let d = tempfile::tempdir().unwrap();
    let case = d.path().join("f/courier-parcels.case");
    copy_case(&case);
    let link = d.path().join("link.case");
    std::os::unix::fs::symlink(&case, &link).unwrap();
    let (code, out, err) = run(&["eval", s(&case), s(&d.path().join("f")), s(&link)]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert_eq!(err.trim(), "1 evaluated, 0 rejected");
}

/// Two links to one pack folder give one pack, not a second pack with the same id; a folder
/// of packs holding a link to itself is read once.
#[cfg(unix)]
#[test]
fn a_pack_folder_reached_twice_is_one_pack() {
    use std::os::unix::fs::symlink;
    let d = tempfile::tempdir().unwrap();
    let kr = std::fs::canonicalize("statutes/kr").unwrap();
    symlink(&kr, d.path().join("kr")).unwrap();
    symlink(&kr, d.path().join("kr-again")).unwrap();
    symlink(".", d.path().join("self")).unwrap();
    let (code, out, err) = run(&[
        "--statutes",
        s(d.path()),
        "eval",
        "cases/kr/courier-parcels.case",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("courier-parcels [kr]"), "{out}");
}

// ---- §1.7: what cannot be read ------------------------------------------------------------

/// A file that cannot be read (here a link to nothing) is an error naming it, exit 2, in
/// every command that reads case folders, and the other cases go on. (Before: `eval` said
/// "error: No such file or directory" without the file.)
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named_and_the_rest_go_on() {
    let d = tempfile::tempdir().unwrap();
    copy_case(&d.path().join("courier-parcels.case"));
    for name in ["gone.case", "gone.jsonl", "gone.yaml"] {
        std::os::unix::fs::symlink("nowhere", d.path().join(name)).unwrap();
    }
    for command in ["eval", "explain", "test", "check"] {
        let (code, out, err) = run(&[command, s(d.path())]);
        assert_eq!(code, Some(2), "{command}: {err}");
        for name in ["gone.case", "gone.jsonl", "gone.yaml"] {
            let said = format!(
                "error: cannot read the file: No such file or directory (os error 2)\n  --> {}\n",
                s(&d.path().join(name))
            );
            assert!(err.contains(&said), "{command}: {err}");
        }
        if command != "check" {
            assert!(out.contains("courier-parcels"), "{command}: {out}");
        }
    }
    let (_, _, err) = run(&["eval", s(d.path())]);
    assert!(err.ends_with("1 evaluated, 3 rejected\n"), "{err}");
}

/// Runs the binary as a user who cannot read what `chmod 000` closed (nobody, when the tests
/// run as root, who can read anything); `None`, said on standard error, when no such user can
/// be had (root without the right to change user), the only case in which the condition cannot
/// be produced.
#[cfg(unix)]
fn run_unprivileged(args: &[&str], closed: &Path) -> Option<(Option<i32>, String, String)> {
    use std::os::unix::fs::PermissionsExt as _;
    use std::os::unix::process::CommandExt as _;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_entrust"));
    cmd.args(args);
    let before = std::fs::metadata(closed).unwrap().permissions();
    std::fs::set_permissions(closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Still readable: the tests run as root; run as nobody, who must be able to reach the
    // binary and the folders.
    if std::fs::read_dir(closed).is_ok() || std::fs::read(closed).is_ok() {
        cmd.uid(65534).gid(65534);
    }
    let out = cmd.output();
    std::fs::set_permissions(closed, before).unwrap();
    let out = match out {
        Ok(out) => out,
        Err(e) => {
            eprintln!("SKIPPED: cannot run as a user who cannot read a closed folder: {e}");
            return None;
        }
    };
    Some((
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    ))
}

/// A sub-folder that cannot be read is an error naming it, exit 2, and the cases beside it go
/// on (before: skipped without a word, exit 0); the same in `fmt`, and for a pack folder.
#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_named_and_the_rest_go_on() {
    use std::os::unix::fs::PermissionsExt as _;
    let d = tempfile::tempdir().unwrap();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    copy_case(&d.path().join("ok/courier-parcels.case"));
    let closed = d.path().join("closed");
    copy_case(&closed.join("courier-parcels.case"));
    let said = format!(
        "error: cannot read the folder: Permission denied (os error 13)\n  --> {}\n",
        s(&closed)
    );
    for command in ["eval", "explain", "test", "check"] {
        let Some((code, out, err)) = run_unprivileged(&[command, s(d.path())], &closed) else {
            return;
        };
        assert_eq!(code, Some(2), "{command}: {err}");
        assert!(err.contains(&said), "{command}: {err}");
        if command != "check" {
            assert!(out.contains("courier-parcels"), "{command}: {out}");
        }
    }
    let Some((code, _, err)) = run_unprivileged(&["fmt", "--check", s(d.path())], &closed) else {
        return;
    };
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(&said), "{err}");
    assert!(err.contains("0 file(s) would be reformatted, 1 already formatted"));

    // Packs: the unreadable one is named, the others are read and judge.
    let packs = tempfile::tempdir().unwrap();
    std::fs::set_permissions(packs.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::os::unix::fs::symlink(
        std::fs::canonicalize("statutes/kr").unwrap(),
        packs.path().join("kr"),
    )
    .unwrap();
    let other = packs.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("x.law"), "").unwrap();
    let Some((code, out, err)) = run_unprivileged(
        &[
            "--statutes",
            s(packs.path()),
            "eval",
            "cases/kr/courier-parcels.case",
        ],
        &other,
    ) else {
        return;
    };
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(&format!(
            "error: cannot read the folder: Permission denied (os error 13)\n  --> {}\n",
            s(&other)
        )),
        "{err}"
    );
    assert!(out.starts_with("courier-parcels [kr]"), "{out}");
}

// ---- §1.11, §3: nothing to read -----------------------------------------------------------

/// An empty folder, and a file that holds no case in any form (empty, blank, only comments,
/// YAML's empty document), are each a warning naming it, and exit 0, in `eval`, `test`,
/// `check` and `explain` alike. (Before: an empty folder exited 0 in `eval` and `test`, 2 in
/// `check` and `explain`; an empty `.jsonl` exited 0 without a word, an empty `.case` or
/// `.yaml` 2.)
#[test]
fn an_empty_folder_or_file_is_a_warning_everywhere() {
    let d = tempfile::tempdir().unwrap();
    let empty = d.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let files = d.path().join("files");
    std::fs::create_dir(&files).unwrap();
    for (name, text) in [
        ("a.case", ""),
        ("b.case", "# only a comment\n\n"),
        ("c.yaml", ""),
        ("d.yaml", "# only a comment\n"),
        ("e.jsonl", ""),
        ("f.jsonl", "\n  \n"),
    ] {
        std::fs::write(files.join(name), text).unwrap();
    }
    let folder_warning = format!(
        "warning: no case files in this folder\n  --> {}\n  = help: case files end in .case, .yaml, .yml or .jsonl\n",
        s(&empty)
    );
    for command in ["eval", "test", "check", "explain"] {
        let (code, _, err) = run(&[command, s(&empty)]);
        assert_eq!(code, Some(0), "{command}: {err}");
        assert!(err.starts_with(&folder_warning), "{command}: {err}");
        let (code, _, err) = run(&[command, s(&files)]);
        assert_eq!(code, Some(0), "{command}: {err}");
        for name in ["a.case", "b.case", "c.yaml", "d.yaml", "e.jsonl", "f.jsonl"] {
            let said = format!(
                "warning: the file holds no case\n  --> {}\n",
                s(&files.join(name))
            );
            assert!(err.contains(&said), "{command}: {err}");
        }
    }
    let (_, _, err) = run(&["eval", s(&files)]);
    assert!(err.ends_with("0 evaluated, 0 rejected\n"), "{err}");
    let (_, _, err) = run(&["check", s(&files)]);
    assert!(err.ends_with("no errors, 6 warning(s)\n"), "{err}");
    // The same from standard input, in both of its forms.
    for text in ["", "\n\n"] {
        let out = entrust()
            .args(["eval", "-"])
            .write_stdin(text)
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "{err}");
        assert!(
            err.starts_with("warning: the file holds no case\n  --> <stdin>\n"),
            "{err}"
        );
    }
}

/// "N rejected" counts cases, not errors: a case with two errors is one rejected; a YAML list
/// counts each bad case once; a text that does not parse counts one.
#[test]
fn rejected_counts_cases_not_errors() {
    let d = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string("cases/kr/courier-parcels.yaml").unwrap();
    let two_errors = good
        .replace("supervision:", "supervison:")
        .replace("marketing_task:", "marketng_task:");
    // One case with two errors.
    let case = std::fs::read_to_string("cases/kr/courier-parcels.case")
        .unwrap()
        .replace("  supervision ", "  supervison ")
        .replace("  marketing_task ", "  marketng_task ");
    std::fs::write(d.path().join("two-errors.case"), case).unwrap();
    let (code, _, err) = run(&["eval", s(&d.path().join("two-errors.case"))]);
    assert_eq!(code, Some(2));
    assert_eq!(err.matches("error: unknown fact").count(), 2, "{err}");
    assert!(err.ends_with("0 evaluated, 1 rejected\n"), "{err}");
    // A list of three: one good, one with two errors, one with one.
    let item = |text: &str, id: &str| -> String {
        let text = text.replace("id: courier-parcels-yaml", &format!("id: {id}"));
        let mut out = String::new();
        for (k, line) in text.lines().filter(|l| !l.starts_with('#')).enumerate() {
            out.push_str(if k == 0 { "- " } else { "  " });
            out.push_str(line);
            out.push('\n');
        }
        out
    };
    let list = item(&good, "good")
        + &item(&two_errors, "two-errors")
        + &item(&good.replace("supervision:", "supervison:"), "one-error");
    std::fs::write(d.path().join("list.yaml"), list).unwrap();
    let (code, out, err) = run(&["eval", s(&d.path().join("list.yaml"))]);
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(
        out.lines().next().unwrap(),
        "good [kr]: outsourcing, lawful"
    );
    assert_eq!(err.matches("error: unknown fact").count(), 3, "{err}");
    assert!(err.ends_with("1 evaluated, 2 rejected\n"), "{err}");
    // A text that does not parse.
    std::fs::write(d.path().join("broken.yaml"), "{not: [yaml").unwrap();
    let (code, _, err) = run(&["eval", s(&d.path().join("broken.yaml"))]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.ends_with("0 evaluated, 1 rejected\n"), "{err}");
}

// ---- §1.5: --jobs -------------------------------------------------------------------------

/// `--jobs` (or `RAYON_NUM_THREADS`) beyond four a core (at most 256) is held there with a
/// warning; the output is the same. (Before: `--jobs 100000` never ended, even on one case:
/// rayon's idle threads spin before they sleep, and so many starve the ones at work.)
#[test]
fn too_many_jobs_are_held_to_what_the_machine_can_use() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("some.jsonl");
    std::fs::write(&input, many_cases(200)).unwrap();
    let cores = std::thread::available_parallelism().unwrap().get();
    let most = (cores * 4).min(256);
    let args = |jobs: &'static str| {
        vec![
            "--statutes",
            "benches/packs",
            "eval",
            "--format",
            "jsonl",
            "--jobs",
            jobs,
            s(&input),
        ]
    };
    let (code, one, _) = run(&args("1"));
    assert_eq!(code, Some(0));
    let (code, many, err) = run(&args("100000"));
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(many, one);
    assert!(
        err.starts_with(&format!(
            "warning: 100000 threads asked for; judging with {most} (4 a core, at most 256)"
        )),
        "{err}"
    );
    let out = entrust()
        .args(["--statutes", "benches/packs", "eval", "--format", "jsonl"])
        .arg(&input)
        .env("RAYON_NUM_THREADS", "100000")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), one);
    assert!(String::from_utf8(out.stderr).unwrap().starts_with(&format!(
        "warning: 100000 threads asked for; judging with {most} "
    )));
}

// ---- §1.6: a closed output ----------------------------------------------------------------

/// `eval … | head -c 100`: the reader reads a little and goes; the run ends at once, exit 0,
/// nothing on standard error. (Before: exit 2, "error: Broken pipe".)
#[test]
fn eval_ends_quietly_when_its_reader_goes() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("many.jsonl");
    // Far more output than a pipe holds, by the fast path and the general one.
    std::fs::write(&input, many_cases(1000)).unwrap();
    for format in ["jsonl", "text"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_entrust"))
            .args(["--statutes", "benches/packs", "eval", "--format", format])
            .arg(&input)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut head = [0u8; 100];
        stdout.read_exact(&mut head).unwrap();
        drop(stdout);
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{format}: {err}");
        assert_eq!(err, "", "{format}");
    }
}

/// Every command that writes to standard output, its reader gone before it starts: exit 0,
/// nothing on standard error.
#[test]
fn every_command_ends_quietly_when_its_output_is_closed() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("many.jsonl");
    std::fs::write(&input, many_cases(300)).unwrap();
    let input = s(&input);
    let commands: Vec<Vec<&str>> = vec![
        vec![
            "--statutes",
            "benches/packs",
            "eval",
            "--format",
            "jsonl",
            input,
        ],
        vec!["eval", "--format", "html", "cases/kr/courier-parcels.case"],
        vec!["explain", "cases/kr"],
        vec![
            "explain",
            "--format",
            "json",
            "cases/kr/courier-parcels.case",
        ],
        vec!["test", "cases/kr"],
        vec!["whatif", "cases/kr/kakaopay-alipay-nsf.case"],
        vec![
            "ask",
            "cases/kr/analytics-vendor-undecided.case",
            "--answers",
            "tests/fixtures/ask/vendor-answers.txt",
            "--no-save",
        ],
        vec![
            "diff",
            "cases/kr/courier-parcels.case",
            "cases/kr/call-centre-no-contract.case",
        ],
        vec![
            "exercise",
            "cases/training",
            "--answers",
            "tests/training/perfect.yaml",
        ],
        vec![
            "grade",
            "--cases",
            "cases/training",
            "tests/training/perfect.yaml",
        ],
        vec!["schema"],
        vec!["completions", "bash"],
        vec!["man"],
        vec!["facts"],
        vec!["facts", "--format", "json"],
    ];
    for args in commands {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_entrust"))
            .args(&args)
            .stdin(Stdio::null())
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
}
