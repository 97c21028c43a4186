//! Embeds the statute packs of `statutes/` and the training exercises of `cases/training/` in the
//! binary, so that entrust works from any folder.

use std::fs;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("statutes");
    println!("cargo:rerun-if-changed=statutes");
    let mut entries: Vec<(String, String, String)> = Vec::new();
    if let Ok(dirs) = fs::read_dir(&root) {
        for dir in dirs.flatten() {
            let path = dir.path();
            if !path.is_dir() {
                continue;
            }
            println!("cargo:rerun-if-changed={}", path.display());
            let pack = dir.file_name().to_string_lossy().to_string();
            if let Ok(files) = fs::read_dir(&path) {
                for f in files.flatten() {
                    let p = f.path();
                    if p.extension().is_some_and(|e| e == "law") {
                        println!("cargo:rerun-if-changed={}", p.display());
                        let name = f.file_name().to_string_lossy().to_string();
                        entries.push((pack.clone(), name, p.display().to_string()));
                    }
                }
            }
        }
    }
    entries.sort();
    let mut out = String::from(
        "/// Embedded statute files: (pack folder, file name, text).\npub static BUILTIN: &[(&str, &str, &str)] = &[\n",
    );
    for (pack, name, path) in entries {
        out.push_str(&format!(
            "    ({pack:?}, {name:?}, include_str!({path:?})),\n"
        ));
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let dest = Path::new(&out_dir).join("builtin_packs.rs");
    if let Err(e) = fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
    }
    exercises(Path::new(&out_dir));
    browser();
}

/// Whether the browser tests of `tests/html.rs` can run on this machine, known when entrust is
/// built, so that where they cannot they are compiled `#[ignore]`d with the reason and `cargo
/// test`'s own summary says they were skipped (`ignored, chromium is not installed …`), not only
/// its captured output. Under CI (`CI` set) a missing browser or Korean font is never a reason
/// to skip: the tests run and fail. The browser is `ENTRUST_CHROMIUM`, else `/usr/bin/chromium`,
/// else `chromium` on `PATH`; the Korean font, any that `fc-list :lang=ko` lists. Installing
/// either reruns this. (`ENTRUST_SKIP_BROWSER=1`, a choice made at run time, is not read here,
/// so that setting it for one run does not rebuild the crate; the tests then pass saying so.)
fn browser() {
    for cfg in ["entrust_no_chromium", "entrust_no_korean_font"] {
        println!("cargo:rustc-check-cfg=cfg({cfg})");
    }
    for var in ["ENTRUST_CHROMIUM", "CI"] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    for dir in ["/usr/bin", "/usr/share/fonts"] {
        if Path::new(dir).is_dir() {
            println!("cargo:rerun-if-changed={dir}");
        }
    }
    if std::env::var_os("CI").is_some() {
        return;
    }
    let chromium = match std::env::var_os("ENTRUST_CHROMIUM") {
        Some(p) => Path::new(&p).is_file(),
        None => {
            Path::new("/usr/bin/chromium").is_file()
                || std::env::var_os("PATH").is_some_and(|paths| {
                    std::env::split_paths(&paths).any(|d| d.join("chromium").is_file())
                })
        }
    };
    if !chromium {
        println!("cargo:rustc-cfg=entrust_no_chromium");
    }
    let korean_font = std::process::Command::new("fc-list")
        .arg(":lang=ko")
        .output()
        .is_ok_and(|o| !o.stdout.trim_ascii().is_empty());
    if !korean_font {
        println!("cargo:rustc-cfg=entrust_no_korean_font");
    }
}

/// Embeds the training exercises of `cases/training/`, so that `entrust exercise` and `entrust
/// grade` find them from any folder.
fn exercises(out_dir: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("cases")
        .join("training");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files: Vec<(String, String)> = Vec::new();
    if let Ok(entries) = fs::read_dir(&root) {
        for f in entries.flatten() {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "case") {
                println!("cargo:rerun-if-changed={}", p.display());
                let name = f.file_name().to_string_lossy().to_string();
                files.push((name, p.display().to_string()));
            }
        }
    }
    files.sort();
    let mut out = String::from(
        "/// Embedded training exercises: (file name, text).\npub static EXERCISES: &[(&str, &str)] = &[\n",
    );
    for (name, path) in files {
        out.push_str(&format!("    ({name:?}, include_str!({path:?})),\n"));
    }
    out.push_str("];\n");
    let dest = out_dir.join("builtin_exercises.rs");
    if let Err(e) = fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
    }
}
