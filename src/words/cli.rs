//! Words of the command line itself: warnings and errors about the run, the summary lines the
//! subcommands end with, and `--help`: the summary and description of the program and of each
//! subcommand, the help of each argument and of each value of an argument.
//!
//! The English help repeats the doc comments of `src/cli/mod.rs` word for word (clap reads
//! them, and they give the manual page and the shell completions); a test checks that the two
//! stay the same.

use super::{En, Ko};

/// The summary and the description of a subcommand: the line of `entrust --help` and `-h`,
/// and the text at the head of its `--help`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommandHelp {
    /// One line, without a final full stop.
    pub about: &'static str,
    /// The whole description: paragraphs separated by a blank line.
    pub long_about: &'static str,
}

/// The words clap itself writes around a help page, for a language that replaces clap's
/// English ones. English has none: clap's own ("Usage:", "Options:", "Print help") are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HelpFrame {
    /// "Usage" (the heading of the usage line).
    pub usage: &'static str,
    /// "Arguments" (the heading of the positional arguments).
    pub arguments: &'static str,
    /// "Options".
    pub options: &'static str,
    /// "Commands".
    pub commands: &'static str,
    /// "Print help": `-h, --help` where there is no longer help.
    pub help_flag: &'static str,
    /// "Print help (see more with '--help')".
    pub help_flag_more: &'static str,
    /// "Print help (see a summary with '-h')".
    pub help_flag_summary: &'static str,
    /// "Print version".
    pub version_flag: &'static str,
    /// "Print this message or the help of the given subcommand(s)".
    pub help_command: &'static str,
    /// "Print help for the subcommand(s)".
    pub help_command_arg: &'static str,
    /// "default" (in `[default: en]`).
    pub default: &'static str,
    /// "possible values" (in `[possible values: text, json]`).
    pub possible_values: &'static str,
    /// "env" (in `[env: ENTRUST_LANG]`).
    pub env: &'static str,
}

/// Words of the command line.
pub trait CliWords {
    // ---- warnings and errors --------------------------------------------------------------
    /// A pack has no texts in the language asked for.
    fn pack_lacks_language(&self, pack: &str, lang: &str) -> String;
    /// An error line: "error: {message}".
    fn error(&self, message: &str) -> String;
    /// "`x` is an input; entrust never writes over an input".
    fn writes_over_input(&self, path: &str) -> String;
    /// "cannot write in `dir`: {reason}".
    fn cannot_write_in(&self, dir: &str, reason: &str) -> String;
    /// "cannot write `file`: {reason}".
    fn cannot_write(&self, path: &str, reason: &str) -> String;
    /// More threads asked for (`--jobs`, or `RAYON_NUM_THREADS`) than a run uses: "warning:
    /// 100000 threads asked for; judging with 8 (4 a core, at most 256)".
    fn files_jobs_capped(&self, asked: usize, used: usize) -> String;
    /// "`2021-02-30` is not a date of the form YYYY-MM-DD".
    fn not_a_date(&self, text: &str) -> String;
    /// "`fr` is not a language entrust speaks (it speaks en, ko)".
    fn not_a_language(&self, text: &str, codes: &str) -> String;
    /// `eval --explain --format csv`: a row has no room for the reasoning (a warning line).
    fn explain_not_in_csv(&self) -> &'static str;
    /// `man --dir DIR`: "wrote 15 manual pages into DIR".
    fn man_written(&self, n: usize, dir: &str) -> String;

    // ---- summary lines --------------------------------------------------------------------
    /// The last line of `entrust check`: "checked 1 pack(s) and 69 good case(s): no errors, 0
    /// warning(s)"; `cases` when case files were named; `warnings` when no error was found.
    fn checked(&self, packs: usize, cases: Option<usize>, warnings: Option<usize>) -> String;
    /// The last line of `entrust eval`: "69 evaluated, 0 rejected".
    fn evaluated(&self, evaluated: usize, rejected: usize) -> String;
    /// The last line of `entrust fmt --check`: "2 file(s) would be reformatted, 3 already
    /// formatted".
    fn would_reformat(&self, changed: usize, unchanged: usize) -> String;
    /// The last line of `entrust fmt`: "2 file(s) reformatted, 3 already formatted".
    fn reformatted(&self, changed: usize, unchanged: usize) -> String;
    /// The progress bar of `entrust eval`, an `indicatif` template: "{spinner} {pos} cases
    /// judged ({per_sec}, {elapsed})".
    fn progress_template(&self) -> &'static str;

    // ---- help: the program ----------------------------------------------------------------
    /// The words clap writes around a help page, when they are not clap's own English ones.
    fn help_frame(&self) -> Option<HelpFrame>;
    /// What entrust does: the head of `entrust --help`.
    fn help_about(&self) -> &'static str;
    /// The exit codes and examples at the foot of `entrust --help`.
    fn help_after(&self) -> &'static str;
    /// `--statutes`.
    fn arg_statutes(&self) -> &'static str;
    /// `--as-of`.
    fn arg_as_of(&self) -> &'static str;
    /// `--lang`.
    fn arg_lang(&self) -> &'static str;
    /// `--under`.
    fn arg_under(&self) -> &'static str;

    // ---- help: each subcommand and its arguments -------------------------------------------
    /// `explain`.
    fn help_explain(&self) -> CommandHelp;
    /// `explain CASE…`.
    fn arg_explain_cases(&self) -> &'static str;
    /// `explain --format`.
    fn arg_explain_format(&self) -> &'static str;
    /// `explain --format text`.
    fn value_explain_text(&self) -> &'static str;
    /// `explain --format json`.
    fn value_explain_json(&self) -> &'static str;
    /// `explain --quote`.
    fn arg_explain_quote(&self) -> &'static str;

    /// `eval`.
    fn help_eval(&self) -> CommandHelp;
    /// `eval FILE…`.
    fn arg_eval_files(&self) -> &'static str;
    /// `eval --jobs`.
    fn arg_eval_jobs(&self) -> &'static str;
    /// `eval --output`.
    fn arg_eval_output(&self) -> &'static str;
    /// `eval --format`.
    fn arg_eval_format(&self) -> &'static str;
    /// `eval --format text`.
    fn value_format_text(&self) -> &'static str;
    /// `eval --format json`.
    fn value_format_json(&self) -> &'static str;
    /// `eval --format jsonl`.
    fn value_format_jsonl(&self) -> &'static str;
    /// `eval --format yaml`.
    fn value_format_yaml(&self) -> &'static str;
    /// `eval --format csv`.
    fn value_format_csv(&self) -> &'static str;
    /// `eval --format markdown`.
    fn value_format_markdown(&self) -> &'static str;
    /// `eval --format html`.
    fn value_format_html(&self) -> &'static str;
    /// `eval --explain`.
    fn arg_eval_explain(&self) -> &'static str;

    /// `check`.
    fn help_check(&self) -> CommandHelp;
    /// `check PATH…`.
    fn arg_check_paths(&self) -> &'static str;

    /// `fmt`.
    fn help_fmt(&self) -> CommandHelp;
    /// `fmt PATH…`.
    fn arg_fmt_paths(&self) -> &'static str;
    /// `fmt --check`.
    fn arg_fmt_check(&self) -> &'static str;

    /// `ask`.
    fn help_ask(&self) -> CommandHelp;
    /// `ask CASE`, `whatif CASE`.
    fn arg_case_file(&self) -> &'static str;
    /// `ask --answers`.
    fn arg_ask_answers(&self) -> &'static str;
    /// `ask --save`.
    fn arg_ask_save(&self) -> &'static str;
    /// `ask --no-save`.
    fn arg_ask_no_save(&self) -> &'static str;
    /// `ask --until`.
    fn arg_ask_until(&self) -> &'static str;
    /// `ask --until settled`.
    fn value_until_settled(&self) -> &'static str;
    /// `ask --until outcome`.
    fn value_until_outcome(&self) -> &'static str;

    /// `whatif`.
    fn help_whatif(&self) -> CommandHelp;
    /// `whatif --set`.
    fn arg_whatif_set(&self) -> &'static str;
    /// `whatif --max-changes`.
    fn arg_whatif_max_changes(&self) -> &'static str;
    /// `whatif --vary`.
    fn arg_whatif_vary(&self) -> &'static str;
    /// `whatif --keep`.
    fn arg_whatif_keep(&self) -> &'static str;

    /// `diff`.
    fn help_diff(&self) -> CommandHelp;
    /// `diff CASE_A`.
    fn arg_diff_a(&self) -> &'static str;
    /// `diff CASE_B`.
    fn arg_diff_b(&self) -> &'static str;

    /// `exercise`.
    fn help_exercise(&self) -> CommandHelp;
    /// `exercise DIR`.
    fn arg_exercise_dir(&self) -> &'static str;
    /// `exercise --answers`.
    fn arg_exercise_answers(&self) -> &'static str;

    /// `grade`.
    fn help_grade(&self) -> CommandHelp;
    /// `grade ANSWERS…`.
    fn arg_grade_answers(&self) -> &'static str;
    /// `grade --cases`.
    fn arg_grade_cases(&self) -> &'static str;

    /// `schema`.
    fn help_schema(&self) -> CommandHelp;
    /// `completions`.
    fn help_completions(&self) -> CommandHelp;
    /// `completions SHELL`.
    fn arg_completions_shell(&self) -> &'static str;
    /// `man`.
    fn help_man(&self) -> CommandHelp;
    /// `man --dir`.
    fn arg_man_dir(&self) -> &'static str;

    /// `test`.
    fn help_test(&self) -> CommandHelp;
    /// `test PATH…`.
    fn arg_test_paths(&self) -> &'static str;
    /// `test --coverage`.
    fn arg_test_coverage(&self) -> &'static str;
}

impl CliWords for En {
    fn pack_lacks_language(&self, pack: &str, lang: &str) -> String {
        format!(
            "warning: pack `{pack}` has no texts in `{lang}` (it declares no `language {lang}`); its titles, questions and messages are shown in English"
        )
    }
    fn error(&self, message: &str) -> String {
        format!("error: {message}")
    }
    fn writes_over_input(&self, path: &str) -> String {
        format!("`{path}` is an input; entrust never writes over an input")
    }
    fn cannot_write_in(&self, dir: &str, reason: &str) -> String {
        format!("cannot write in `{dir}`: {reason}")
    }
    fn cannot_write(&self, path: &str, reason: &str) -> String {
        format!("cannot write `{path}`: {reason}")
    }
    fn files_jobs_capped(&self, asked: usize, used: usize) -> String {
        format!(
            "warning: {asked} threads asked for; judging with {used} (4 a core, at most 256): more would only slow the run down"
        )
    }
    fn not_a_date(&self, text: &str) -> String {
        match super::read::bytes_date_problem_en(text) {
            Some(why) => format!(
                "`{text}` is not a date: {why}; write the date as YYYY-MM-DD, e.g. 2024-12-01"
            ),
            None => format!("`{text}` is not a date of the form YYYY-MM-DD"),
        }
    }
    fn not_a_language(&self, text: &str, codes: &str) -> String {
        format!("`{text}` is not a language entrust speaks (it speaks {codes})")
    }
    fn man_written(&self, n: usize, dir: &str) -> String {
        format!("wrote {n} manual pages into {dir} (read one with `man -l {dir}/entrust.1`)")
    }
    fn explain_not_in_csv(&self) -> &'static str {
        "warning: --explain adds nothing to --format csv: a row has no room for the reasoning; --format text, markdown or html writes it in words, json, jsonl or yaml as a tree"
    }

    fn checked(&self, packs: usize, cases: Option<usize>, warnings: Option<usize>) -> String {
        let cases = cases.map_or_else(String::new, |n| format!(" and {n} good case(s)"));
        let result = warnings.map_or_else(
            || "errors found".to_string(),
            |w| format!("no errors, {w} warning(s)"),
        );
        format!("checked {packs} pack(s){cases}: {result}")
    }
    fn evaluated(&self, evaluated: usize, rejected: usize) -> String {
        format!("{evaluated} evaluated, {rejected} rejected")
    }
    fn would_reformat(&self, changed: usize, unchanged: usize) -> String {
        format!("{changed} file(s) would be reformatted, {unchanged} already formatted")
    }
    fn reformatted(&self, changed: usize, unchanged: usize) -> String {
        format!("{changed} file(s) reformatted, {unchanged} already formatted")
    }
    fn progress_template(&self) -> &'static str {
        "{spinner} {pos} cases judged ({per_sec}, {elapsed})"
    }

    fn help_frame(&self) -> Option<HelpFrame> {
        None
    }
    fn help_about(&self) -> &'static str {
        "Tells outsourcing of personal-data processing from provision to a third party, checks its lawfulness under the law in force at the time, and explains why, article by article."
    }
    fn help_after(&self) -> &'static str {
        "Exit codes: 0 everything read was evaluated; 1 `entrust test` found an expectation not met; 2 some input could not be read, parsed or checked (the rest is still evaluated).

Examples:
  entrust explain cases/kr/kakaopay-alipay-nsf.case
  entrust eval --format jsonl cases/kr/
  entrust check statutes/ cases/kr cases/eu cases/jp cases/multi cases/training
  entrust test cases/"
    }
    fn arg_statutes(&self) -> &'static str {
        "Load statute packs from this folder instead of the packs built into entrust"
    }
    fn arg_as_of(&self) -> &'static str {
        "Judge every case as if on this date (YYYY-MM-DD), whatever its own date or period"
    }
    fn arg_under(&self) -> &'static str {
        "Judge every case under these packs, in this order (`kr,eu,jp`), in place of the packs its own `under` names; its facts may be any its own packs read. A case under several packs is followed by the comparison of its verdicts"
    }
    fn arg_lang(&self) -> &'static str {
        "The language of everything printed for a person: `en` (English) or `ko` (Korean). JSON keys, fact names and values, and violation codes stay the same in every language"
    }

    fn help_explain(&self) -> CommandHelp {
        CommandHelp {
            about: "Explain the verdict of a case in plain words: the classification factor by factor, each requirement with its article, and the open questions",
            long_about: "Explain the verdict of a case in plain words: the classification factor by factor, each requirement with its article, and the open questions.

Example: entrust explain cases/kr/kakaopay-alipay-nsf.case",
        }
    }
    fn arg_explain_cases(&self) -> &'static str {
        "Case files (.case, .yaml, .yml, .jsonl) or folders"
    }
    fn arg_explain_format(&self) -> &'static str {
        "`text` for a memo, `json` for the verdict with its explanation tree"
    }
    fn value_explain_text(&self) -> &'static str {
        "The reasoning in plain words"
    }
    fn value_explain_json(&self) -> &'static str {
        "The verdicts with their explanation trees, as a JSON array"
    }
    fn arg_explain_quote(&self) -> &'static str {
        "Quote under each requirement the article's own words, as in force in each stretch of law (where the pack stores them)"
    }

    fn help_eval(&self) -> CommandHelp {
        CommandHelp {
            about: "Judge cases and print their verdicts, for scripts",
            long_about: "Judge cases and print their verdicts, for scripts.

Example: entrust eval --format jsonl cases/kr/ > verdicts.jsonl",
        }
    }
    fn arg_eval_files(&self) -> &'static str {
        "Case files (.case, .yaml, .yml, .jsonl), folders searched for them, or `-` for JSON Lines or YAML on standard input"
    }
    fn arg_eval_jobs(&self) -> &'static str {
        "Threads to judge with (default: all cores). The output is the same whatever the number"
    }
    fn arg_eval_output(&self) -> &'static str {
        "Write the report to this file (atomically: a temporary file renamed into place)"
    }
    fn arg_eval_format(&self) -> &'static str {
        "Output format"
    }
    fn value_format_text(&self) -> &'static str {
        "A short summary per verdict"
    }
    fn value_format_json(&self) -> &'static str {
        "A JSON array of verdicts"
    }
    fn value_format_jsonl(&self) -> &'static str {
        "One JSON verdict per line (cases.md §3)"
    }
    fn value_format_yaml(&self) -> &'static str {
        "One YAML document per verdict"
    }
    fn value_format_csv(&self) -> &'static str {
        "One row per case and pack: id, title, classification, lawful, violations, grounds, open questions, possible violations, law not checked"
    }
    fn value_format_markdown(&self) -> &'static str {
        "A memo section per case: facts, reasoning with citations, conclusion"
    }
    fn value_format_html(&self) -> &'static str {
        "One self-contained HTML page: a summary table, then per case the verdict, the weighing as a chart, the requirements, citations and open questions. Printable"
    }
    fn arg_eval_explain(&self) -> &'static str {
        "Add the reasoning: the explanation tree in json, jsonl and yaml; the memo of `entrust explain` in text (markdown and html always carry it; csv has no room for it)"
    }

    fn help_check(&self) -> CommandHelp {
        CommandHelp {
            about: "Check statute packs and case files and report every error and warning",
            long_about: "Check statute packs and case files and report every error and warning.

With no path, checks the packs built into entrust. A folder holding `.law` files (or folders of them) is checked as packs; case files are read and checked against the packs.

Example: entrust check statutes/ cases/kr cases/eu cases/jp cases/multi cases/training",
        }
    }
    fn arg_check_paths(&self) -> &'static str {
        "Pack folders, `.law` files, case files or folders of cases"
    }

    fn help_fmt(&self) -> CommandHelp {
        CommandHelp {
            about: "Rewrite statute (.law) and case (.case) files in the canonical layout, in place",
            long_about: "Rewrite statute (.law) and case (.case) files in the canonical layout, in place.

Only white space changes: every comment is kept and the meaning never changes. Each file is replaced whole (a temporary file renamed over it). With --check, nothing is written: the files that would change are listed and the exit code is 1 if there are any.

Example: entrust fmt --check statutes/ cases/kr/",
        }
    }
    fn arg_fmt_paths(&self) -> &'static str {
        "Files or folders (searched for .law and .case files)"
    }
    fn arg_fmt_check(&self) -> &'static str {
        "List the files that would change; change nothing"
    }

    fn help_ask(&self) -> CommandHelp {
        CommandHelp {
            about: "Interview: ask, most decisive first, only the questions whose answers can still change the classification, the lawfulness or which violations are found; go on until every one is settled (or, with --until outcome, until the classification and the lawfulness are); show the verdict and the violations still possible, and save the answers",
            long_about: "Interview: ask, most decisive first, only the questions whose answers can still change the classification, the lawfulness or which violations are found; go on until every one is settled (or, with --until outcome, until the classification and the lawfulness are); show the verdict and the violations still possible, and save the answers.

Answers are saved into the .case file in place (comments kept; the file is replaced whole), or to a new file with --save. --answers takes them from a file (one `fact = value` per line, or YAML `fact: value`), so an interview can be scripted.

Example: entrust ask cases/kr/analytics-vendor-undecided.case --save /tmp/answered.case",
        }
    }
    fn arg_case_file(&self) -> &'static str {
        "The case file"
    }
    fn arg_ask_answers(&self) -> &'static str {
        "Take the answers from this file instead of asking"
    }
    fn arg_ask_save(&self) -> &'static str {
        "Save the answered case to this new file instead of updating CASE in place"
    }
    fn arg_ask_no_save(&self) -> &'static str {
        "Do not save the answers"
    }
    fn arg_ask_until(&self) -> &'static str {
        "When to stop asking: `settled` (default) once the classification, the lawfulness and every possible violation are settled; `outcome` once the classification and the lawfulness are, even if some violations stay possible"
    }
    fn value_until_settled(&self) -> &'static str {
        "The classification, the lawfulness and every possible violation are settled"
    }
    fn value_until_outcome(&self) -> &'static str {
        "The classification and the lawfulness are settled"
    }

    fn help_whatif(&self) -> CommandHelp {
        CommandHelp {
            about: "What-if: the smallest sets of fact changes that would flip the classification, and those that would make the arrangement lawful, each with the rules that would then decide",
            long_about: "What-if: the smallest sets of fact changes that would flip the classification, and those that would make the arrangement lawful, each with the rules that would then decide.

Facts the pack declares `given` (what the client is: who sends, what data) are kept as they are unless named with --vary; --keep holds any other fact as it is.

Example: entrust whatif cases/kr/kakaopay-alipay-nsf.case --max-changes 2",
        }
    }
    fn arg_whatif_set(&self) -> &'static str {
        "Evaluate a variation: set a fact (repeatable), e.g. --set recipient_own_use=false"
    }
    fn arg_whatif_max_changes(&self) -> &'static str {
        "The most facts changed at once in a suggestion"
    }
    fn arg_whatif_vary(&self) -> &'static str {
        "Also propose changes to this fact although the pack declares it one of the arrangement's givens (who sends, what data, …) (repeatable)"
    }
    fn arg_whatif_keep(&self) -> &'static str {
        "Never propose changes to this fact (repeatable)"
    }

    fn help_diff(&self) -> CommandHelp {
        CommandHelp {
            about: "Compare: why two cases came out differently: the facts that differ, and which factors, tests and requirements they changed",
            long_about: "Compare: why two cases came out differently: the facts that differ, and which factors, tests and requirements they changed.

Example: entrust diff cases/kr/courier-parcels.case cases/kr/call-centre-no-contract.case",
        }
    }
    fn arg_diff_a(&self) -> &'static str {
        "The first case file"
    }
    fn arg_diff_b(&self) -> &'static str {
        "The second case file"
    }

    fn help_exercise(&self) -> CommandHelp {
        CommandHelp {
            about: "Training: present each sample case without its answer, ask for the classification, lawfulness, violations and decisive grounds, grade each part, and show the reasoning",
            long_about: "Training: present each sample case without its answer, ask for the classification, lawfulness, violations and decisive grounds, grade each part, and show the reasoning.

Without DIR, sets the exercises built into entrust (those of the repository's cases/training/, embedded when entrust was built), from any folder.

Example: entrust exercise cases/training/",
        }
    }
    fn arg_exercise_dir(&self) -> &'static str {
        "A folder of exercises (or case files); default: the exercises built into entrust"
    }
    fn arg_exercise_answers(&self) -> &'static str {
        "Take the trainee's answers from this file instead of asking"
    }

    fn help_grade(&self) -> CommandHelp {
        CommandHelp {
            about: "Grade a class's answer files against the engine's verdicts and print a score table",
            long_about:
                "Grade a class's answer files against the engine's verdicts and print a score table.

Without --cases, grades against the exercises built into entrust (those of the repository's cases/training/, embedded when entrust was built), from any folder.

Example: entrust grade answers/*.yaml --cases cases/training/",
        }
    }
    fn arg_grade_answers(&self) -> &'static str {
        "Answer files (YAML)"
    }
    fn arg_grade_cases(&self) -> &'static str {
        "Where the exercises are; default: the exercises built into entrust"
    }

    fn help_schema(&self) -> CommandHelp {
        CommandHelp {
            about: "Print the JSON Schema of the verdict object that `eval --format json|jsonl` writes",
            long_about:
                "Print the JSON Schema of the verdict object that `eval --format json|jsonl` writes.

Example: entrust schema > verdict.schema.json",
        }
    }
    fn help_completions(&self) -> CommandHelp {
        CommandHelp {
            about: "Print a shell completion script",
            long_about: "Print a shell completion script.

Example: entrust completions bash > /etc/bash_completion.d/entrust",
        }
    }
    fn arg_completions_shell(&self) -> &'static str {
        "The shell"
    }
    fn help_man(&self) -> CommandHelp {
        CommandHelp {
            about: "Print the manual page (roff), or write it and one page per subcommand into a folder",
            long_about: "Print the manual page (roff), or write it and one page per subcommand into a folder.

The page names a page per subcommand (entrust-eval(1), …): --dir writes them all.

Example: entrust man --dir man/ && man -l man/entrust.1",
        }
    }
    fn arg_man_dir(&self) -> &'static str {
        "Write entrust.1 and a page per subcommand (entrust-eval.1, …) into this folder (created if need be) instead of printing entrust.1"
    }

    fn help_test(&self) -> CommandHelp {
        CommandHelp {
            about: "Run the `expect` blocks of case files and report each expectation not met",
            long_about: "Run the `expect` blocks of case files and report each expectation not met.

Checks classification, lawfulness, violations (by code prefix) and the reasons named in `because`. Files headed `# expect error at LINE:COL: MESSAGE` must be rejected with that error. Ends with a line `N passed, N failed`; exits 1 if any case failed.

Example: entrust test --coverage cases/",
        }
    }
    fn arg_test_paths(&self) -> &'static str {
        "Case files or folders (default: `cases`)"
    }
    fn arg_test_coverage(&self) -> &'static str {
        "Also report, for each test, exception, factor and requirement of the packs, how many cases made it hold, fail or stay unknown, and which rules no case exercises"
    }
}

impl CliWords for Ko {
    fn pack_lacks_language(&self, pack: &str, lang: &str) -> String {
        format!(
            "경고: `{pack}` 법령팩에는 `{lang}` 텍스트가 없습니다(`language {lang}` 선언 없음). 이 법령팩의 제목·질문·메시지는 영어로 표시됩니다."
        )
    }
    fn error(&self, message: &str) -> String {
        format!("오류: {message}")
    }
    fn writes_over_input(&self, path: &str) -> String {
        format!(
            "`{path}`에는 쓸 수 없습니다. 입력 파일이며, entrust는 입력 파일을 덮어쓰지 않습니다"
        )
    }
    fn cannot_write_in(&self, dir: &str, reason: &str) -> String {
        format!("`{dir}`에 쓸 수 없습니다: {reason}")
    }
    fn cannot_write(&self, path: &str, reason: &str) -> String {
        format!("`{path}`에 쓸 수 없습니다: {reason}")
    }
    fn files_jobs_capped(&self, asked: usize, used: usize) -> String {
        format!(
            "경고: 요청한 스레드 {asked}개는 너무 많아 실행을 늦출 뿐입니다. 스레드 {used}개로 판단합니다(코어당 4개, 최대 256개)"
        )
    }
    fn not_a_date(&self, text: &str) -> String {
        match super::read::bytes_date_problem_ko(text) {
            Some(why) => format!(
                "{} 날짜가 아닙니다: {why}. 날짜는 YYYY-MM-DD 형식으로 쓰십시오(예: 2024-12-01)",
                super::josa::eun(&format!("`{text}`"))
            ),
            None => format!("YYYY-MM-DD 형식의 날짜가 아닙니다: `{text}`"),
        }
    }
    fn not_a_language(&self, text: &str, codes: &str) -> String {
        format!("entrust가 지원하지 않는 언어입니다: `{text}` (지원하는 언어: {codes})")
    }

    fn man_written(&self, n: usize, dir: &str) -> String {
        format!("매뉴얼 페이지 {n}개를 {dir}에 썼습니다(영어; 읽으려면 `man -l {dir}/entrust.1`).")
    }
    fn explain_not_in_csv(&self) -> &'static str {
        "경고: --format csv에는 --explain이 적용되지 않습니다. 표의 한 행에는 판단 근거를 담을 수 없습니다. 근거를 문장으로 보려면 --format text, markdown 또는 html을, 트리로 받으려면 json, jsonl 또는 yaml을 쓰십시오."
    }

    fn checked(&self, packs: usize, cases: Option<usize>, warnings: Option<usize>) -> String {
        let cases = cases.map_or_else(String::new, |n| format!(", 오류 없는 사안 {n}건"));
        let result = warnings.map_or_else(
            || "오류 발견".to_string(),
            |w| format!("오류 없음, 경고 {w}건"),
        );
        format!("검사 완료: 법령팩 {packs}개{cases}. {result}")
    }
    fn evaluated(&self, evaluated: usize, rejected: usize) -> String {
        format!("판단 {evaluated}건, 거부 {rejected}건")
    }
    fn would_reformat(&self, changed: usize, unchanged: usize) -> String {
        format!("서식을 고칠 파일 {changed}개, 이미 정돈된 파일 {unchanged}개")
    }
    fn reformatted(&self, changed: usize, unchanged: usize) -> String {
        format!("서식을 고친 파일 {changed}개, 이미 정돈된 파일 {unchanged}개")
    }
    fn progress_template(&self) -> &'static str {
        "{spinner} 사안 {pos}건 판단 ({per_sec}, {elapsed})"
    }

    fn help_frame(&self) -> Option<HelpFrame> {
        Some(HelpFrame {
            usage: "사용법",
            arguments: "인자",
            options: "옵션",
            commands: "명령",
            help_flag: "도움말 출력",
            help_flag_more: "도움말 출력 (자세히 보려면 '--help')",
            help_flag_summary: "도움말 출력 (요약을 보려면 '-h')",
            version_flag: "버전 출력",
            help_command: "이 도움말 또는 지정한 명령의 도움말 출력",
            help_command_arg: "지정한 명령의 도움말 출력",
            default: "기본값",
            possible_values: "가능한 값",
            env: "환경 변수",
        })
    }
    fn help_about(&self) -> &'static str {
        "개인정보의 이전이 처리위탁인지 제3자 제공인지 가리고, 당시 시행되던 법령에 따라 적법 여부를 검토하며, 그 이유를 조문별로 설명합니다."
    }
    fn help_after(&self) -> &'static str {
        "종료 코드: 0 읽은 입력을 모두 판단함, 1 `entrust test`에서 충족되지 않은 기대 결과가 있음, 2 일부 입력을 읽거나 해석하거나 검사할 수 없었음(나머지 입력은 그대로 판단함).

예:
  entrust explain cases/kr/kakaopay-alipay-nsf.case
  entrust eval --format jsonl cases/kr/
  entrust check statutes/ cases/kr cases/eu cases/jp cases/multi cases/training
  entrust test cases/"
    }
    fn arg_statutes(&self) -> &'static str {
        "entrust에 내장된 법령팩 대신 이 폴더의 법령팩을 사용"
    }
    fn arg_as_of(&self) -> &'static str {
        "사안 자체의 날짜나 기간과 관계없이 모든 사안을 이 날짜(YYYY-MM-DD) 기준으로 판단"
    }
    fn arg_under(&self) -> &'static str {
        "사안 자체의 `under` 대신 이 법령팩들에 따라 이 순서대로(`kr,eu,jp`) 모든 사안을 판단. 사안의 사실은 사안 자체의 법령팩이 읽는 것이면 됨. 여러 법령팩에 따라 판단한 사안에는 법제별 비교가 뒤따름"
    }
    fn arg_lang(&self) -> &'static str {
        "사람이 읽는 모든 출력의 언어: `en`(영어) 또는 `ko`(한국어). JSON 키, 사실의 이름과 값, 위반 코드는 언어와 관계없이 같음"
    }

    fn help_explain(&self) -> CommandHelp {
        CommandHelp {
            about: "사안의 판단을 쉬운 말로 설명합니다: 고려 요소별 법적 성격 판단, 조문별 요건, 미확인 사항",
            long_about: "사안의 판단을 쉬운 말로 설명합니다: 고려 요소별 법적 성격 판단, 조문별 요건, 미확인 사항.

예: entrust explain cases/kr/kakaopay-alipay-nsf.case",
        }
    }
    fn arg_explain_cases(&self) -> &'static str {
        "사안 파일(.case, .yaml, .yml, .jsonl) 또는 폴더"
    }
    fn arg_explain_format(&self) -> &'static str {
        "`text`는 메모 형식, `json`은 설명 트리를 포함한 판단 결과"
    }
    fn value_explain_text(&self) -> &'static str {
        "판단 이유를 쉬운 말로"
    }
    fn value_explain_json(&self) -> &'static str {
        "설명 트리를 포함한 판단 결과의 JSON 배열"
    }
    fn arg_explain_quote(&self) -> &'static str {
        "각 요건 아래에 적용 구간별로 시행되던 조문의 원문을 인용 (법령팩에 저장된 경우)"
    }

    fn help_eval(&self) -> CommandHelp {
        CommandHelp {
            about: "사안을 판단하고 판단 결과를 출력합니다 (스크립트용)",
            long_about: "사안을 판단하고 판단 결과를 출력합니다 (스크립트용).

예: entrust eval --format jsonl cases/kr/ > verdicts.jsonl",
        }
    }
    fn arg_eval_files(&self) -> &'static str {
        "사안 파일(.case, .yaml, .yml, .jsonl), 사안 파일을 찾을 폴더, 또는 표준 입력의 JSON Lines나 YAML을 뜻하는 `-`"
    }
    fn arg_eval_jobs(&self) -> &'static str {
        "판단에 쓸 스레드 수 (기본값: 모든 코어). 스레드 수와 관계없이 출력은 같음"
    }
    fn arg_eval_output(&self) -> &'static str {
        "보고서를 이 파일에 씀 (원자적으로: 임시 파일을 만든 뒤 이름을 바꿈)"
    }
    fn arg_eval_format(&self) -> &'static str {
        "출력 형식"
    }
    fn value_format_text(&self) -> &'static str {
        "판단 결과마다 짧은 요약"
    }
    fn value_format_json(&self) -> &'static str {
        "판단 결과의 JSON 배열"
    }
    fn value_format_jsonl(&self) -> &'static str {
        "한 줄에 판단 결과 하나씩 JSON으로 (cases.md §3)"
    }
    fn value_format_yaml(&self) -> &'static str {
        "판단 결과마다 YAML 문서 하나"
    }
    fn value_format_csv(&self) -> &'static str {
        "사안과 법령팩마다 한 행: ID, 제목, 법적 성격, 적법 여부, 위반, 근거, 미확인 사항, 위반 가능성, 검토하지 않은 법령"
    }
    fn value_format_markdown(&self) -> &'static str {
        "사안마다 메모 한 절: 사실관계, 근거 조문을 든 판단 이유, 결론"
    }
    fn value_format_html(&self) -> &'static str {
        "그 자체로 완결된 HTML 페이지 하나: 요약 표에 이어 사안마다 판단 결과, 형량 도표, 요건, 근거 조문, 미확인 사항. 인쇄 가능"
    }
    fn arg_eval_explain(&self) -> &'static str {
        "판단 근거를 덧붙임: json, jsonl, yaml에는 설명 트리를, text에는 `entrust explain`의 메모를 씀(markdown과 html에는 항상 들어가며, csv에는 담을 수 없음)"
    }

    fn help_check(&self) -> CommandHelp {
        CommandHelp {
            about: "법령팩과 사안 파일을 검사하고 모든 오류와 경고를 보고합니다",
            long_about: "법령팩과 사안 파일을 검사하고 모든 오류와 경고를 보고합니다.

경로를 주지 않으면 entrust에 내장된 법령팩을 검사합니다. `.law` 파일(또는 그런 파일이 든 폴더)이 있는 폴더는 법령팩으로 검사하고, 사안 파일은 읽어서 법령팩에 비추어 검사합니다.

예: entrust check statutes/ cases/kr cases/eu cases/jp cases/multi cases/training",
        }
    }
    fn arg_check_paths(&self) -> &'static str {
        "법령팩 폴더, `.law` 파일, 사안 파일 또는 사안 폴더"
    }

    fn help_fmt(&self) -> CommandHelp {
        CommandHelp {
            about: "법령(.law) 파일과 사안(.case) 파일을 표준 배치로 제자리에서 고쳐 씁니다",
            long_about: "법령(.law) 파일과 사안(.case) 파일을 표준 배치로 제자리에서 고쳐 씁니다.

공백만 바뀝니다. 주석은 모두 유지되고 의미는 바뀌지 않습니다. 각 파일은 통째로 교체됩니다(임시 파일을 원래 파일 위로 이름을 바꿈). --check를 주면 아무것도 쓰지 않고 바뀔 파일의 목록만 출력하며, 그런 파일이 있으면 종료 코드 1로 끝납니다.

예: entrust fmt --check statutes/ cases/kr/",
        }
    }
    fn arg_fmt_paths(&self) -> &'static str {
        "파일 또는 폴더 (폴더에서는 .law 파일과 .case 파일을 찾음)"
    }
    fn arg_fmt_check(&self) -> &'static str {
        "바뀔 파일의 목록만 출력하고 아무것도 바꾸지 않음"
    }

    fn help_ask(&self) -> CommandHelp {
        CommandHelp {
            about: "문답: 답변에 따라 법적 성격, 적법 여부 또는 인정되는 위반이 아직 달라질 수 있는 질문만 결정적인 것부터 묻고, 모두 정해질 때까지(--until outcome이면 법적 성격과 적법 여부가 정해질 때까지) 계속합니다. 판단 결과와 남은 위반 가능성을 보여 주고 답변을 저장합니다",
            long_about: "문답: 답변에 따라 법적 성격, 적법 여부 또는 인정되는 위반이 아직 달라질 수 있는 질문만 결정적인 것부터 묻고, 모두 정해질 때까지(--until outcome이면 법적 성격과 적법 여부가 정해질 때까지) 계속합니다. 판단 결과와 남은 위반 가능성을 보여 주고 답변을 저장합니다.

답변은 .case 파일에 바로 저장되거나(주석 유지, 파일을 통째로 교체) --save로 지정한 새 파일에 저장됩니다. --answers는 답변을 파일(한 줄에 `fact = value` 하나, 또는 YAML `fact: value`)에서 읽으므로 문답을 스크립트로 진행할 수 있습니다.

예: entrust ask cases/kr/analytics-vendor-undecided.case --save /tmp/answered.case",
        }
    }
    fn arg_case_file(&self) -> &'static str {
        "사안 파일"
    }
    fn arg_ask_answers(&self) -> &'static str {
        "묻지 않고 이 파일에서 답변을 읽음"
    }
    fn arg_ask_save(&self) -> &'static str {
        "CASE를 고치지 않고 답변한 사안을 이 새 파일에 저장"
    }
    fn arg_ask_no_save(&self) -> &'static str {
        "답변을 저장하지 않음"
    }
    fn arg_ask_until(&self) -> &'static str {
        "질문을 멈출 시점: `settled`(기본값)는 법적 성격, 적법 여부, 모든 위반 가능성이 정해졌을 때, `outcome`은 일부 위반 가능성이 남더라도 법적 성격과 적법 여부가 정해졌을 때"
    }
    fn value_until_settled(&self) -> &'static str {
        "법적 성격, 적법 여부, 모든 위반 가능성이 정해졌을 때"
    }
    fn value_until_outcome(&self) -> &'static str {
        "법적 성격과 적법 여부가 정해졌을 때"
    }

    fn help_whatif(&self) -> CommandHelp {
        CommandHelp {
            about: "가정 분석: 법적 성격을 뒤집거나 이전을 적법하게 만들 가장 작은 사실 변경 조합을, 그때 결정하게 될 규칙과 함께 보여 줍니다",
            long_about: "가정 분석: 법적 성격을 뒤집거나 이전을 적법하게 만들 가장 작은 사실 변경 조합을, 그때 결정하게 될 규칙과 함께 보여 줍니다.

법령팩이 `given`으로 선언한 사실(의뢰인의 사정: 누가 보내는지, 어떤 정보인지)은 --vary로 지정하지 않는 한 그대로 두고, --keep으로 지정한 사실도 그대로 둡니다.

예: entrust whatif cases/kr/kakaopay-alipay-nsf.case --max-changes 2",
        }
    }
    fn arg_whatif_set(&self) -> &'static str {
        "변형을 판단: 사실 하나의 값을 지정 (여러 번 사용 가능), 예: --set recipient_own_use=false"
    }
    fn arg_whatif_max_changes(&self) -> &'static str {
        "제안 하나에서 한꺼번에 바꿀 수 있는 사실의 최대 개수"
    }
    fn arg_whatif_vary(&self) -> &'static str {
        "법령팩이 전제 사실(누가 보내는지, 어떤 정보인지 등)로 선언했더라도 이 사실의 변경을 제안 (여러 번 사용 가능)"
    }
    fn arg_whatif_keep(&self) -> &'static str {
        "이 사실의 변경은 제안하지 않음 (여러 번 사용 가능)"
    }

    fn help_diff(&self) -> CommandHelp {
        CommandHelp {
            about: "비교: 두 사안의 결론이 달라진 이유, 즉 서로 다른 사실과 그 사실이 바꾼 고려 요소, 판단 기준, 요건을 보여 줍니다",
            long_about: "비교: 두 사안의 결론이 달라진 이유, 즉 서로 다른 사실과 그 사실이 바꾼 고려 요소, 판단 기준, 요건을 보여 줍니다.

예: entrust diff cases/kr/courier-parcels.case cases/kr/call-centre-no-contract.case",
        }
    }
    fn arg_diff_a(&self) -> &'static str {
        "첫째 사안 파일"
    }
    fn arg_diff_b(&self) -> &'static str {
        "둘째 사안 파일"
    }

    fn help_exercise(&self) -> CommandHelp {
        CommandHelp {
            about: "연습: 표본 사안을 정답 없이 하나씩 제시하고 법적 성격, 적법 여부, 위반, 결정적 근거를 물은 뒤 항목별로 채점하고 판단 이유를 보여 줍니다",
            long_about: "연습: 표본 사안을 정답 없이 하나씩 제시하고 법적 성격, 적법 여부, 위반, 결정적 근거를 물은 뒤 항목별로 채점하고 판단 이유를 보여 줍니다.

DIR을 지정하지 않으면 entrust에 내장된 연습 문제(저장소의 cases/training/에 있는 것으로, entrust를 빌드할 때 포함됨)를 어느 폴더에서든 출제합니다.

예: entrust exercise cases/training/",
        }
    }
    fn arg_exercise_dir(&self) -> &'static str {
        "연습 문제(또는 사안 파일) 폴더. 기본값: entrust에 내장된 연습 문제"
    }
    fn arg_exercise_answers(&self) -> &'static str {
        "묻지 않고 이 파일에서 수강생의 답변을 읽음"
    }

    fn help_grade(&self) -> CommandHelp {
        CommandHelp {
            about: "수강생들의 답안 파일을 엔진의 판단 결과와 비교해 채점하고 점수표를 출력합니다",
            long_about:
                "수강생들의 답안 파일을 엔진의 판단 결과와 비교해 채점하고 점수표를 출력합니다.

--cases를 지정하지 않으면 entrust에 내장된 연습 문제(저장소의 cases/training/에 있는 것으로, entrust를 빌드할 때 포함됨)를 기준으로 어느 폴더에서든 채점합니다.

예: entrust grade answers/*.yaml --cases cases/training/",
        }
    }
    fn arg_grade_answers(&self) -> &'static str {
        "답안 파일 (YAML)"
    }
    fn arg_grade_cases(&self) -> &'static str {
        "연습 문제가 있는 폴더. 기본값: entrust에 내장된 연습 문제"
    }

    fn help_schema(&self) -> CommandHelp {
        CommandHelp {
            about: "`eval --format json|jsonl`이 출력하는 판단 결과 객체의 JSON Schema를 출력합니다",
            long_about:
                "`eval --format json|jsonl`이 출력하는 판단 결과 객체의 JSON Schema를 출력합니다.

예: entrust schema > verdict.schema.json",
        }
    }
    fn help_completions(&self) -> CommandHelp {
        CommandHelp {
            about: "셸 자동 완성 스크립트를 출력합니다 (영어)",
            long_about: "셸 자동 완성 스크립트를 출력합니다. 스크립트 안의 설명은 영어입니다.

예: entrust completions bash > /etc/bash_completion.d/entrust",
        }
    }
    fn arg_completions_shell(&self) -> &'static str {
        "셸"
    }
    fn help_man(&self) -> CommandHelp {
        CommandHelp {
            about: "매뉴얼 페이지(roff)를 출력하거나, 그 페이지와 하위 명령마다 한 페이지씩을 폴더에 씁니다 (영어)",
            long_about: "매뉴얼 페이지(roff)를 출력하거나, 그 페이지와 하위 명령마다 한 페이지씩을 폴더에 씁니다. 매뉴얼 페이지는 영어입니다.

첫 페이지는 하위 명령마다 페이지(entrust-eval(1) 등)를 가리킵니다. --dir은 그 페이지를 모두 씁니다.

예: entrust man --dir man/ && man -l man/entrust.1",
        }
    }
    fn arg_man_dir(&self) -> &'static str {
        "entrust.1을 출력하는 대신, entrust.1과 하위 명령마다 한 페이지(entrust-eval.1 등)를 이 폴더에 씀(폴더가 없으면 만듦)"
    }

    fn help_test(&self) -> CommandHelp {
        CommandHelp {
            about: "사안 파일의 `expect` 블록을 실행하고 충족되지 않은 기대 결과를 모두 보고합니다",
            long_about: "사안 파일의 `expect` 블록을 실행하고 충족되지 않은 기대 결과를 모두 보고합니다.

법적 성격, 적법 여부, 위반(코드 앞부분으로 대조), `because`에 적은 근거를 검사합니다. 첫머리에 `# expect error at LINE:COL: MESSAGE`가 있는 파일은 그 오류로 거부되어야 합니다. 마지막 줄은 `통과 N건, 실패 N건`이며, 실패한 사안이 있으면 종료 코드 1로 끝납니다.

예: entrust test --coverage cases/",
        }
    }
    fn arg_test_paths(&self) -> &'static str {
        "사안 파일 또는 폴더 (기본값: `cases`)"
    }
    fn arg_test_coverage(&self) -> &'static str {
        "법령팩의 판단 기준, 예외, 고려 요소, 요건마다 성립·불성립·미정으로 판단된 사안의 수와, 어느 사안으로도 검증되지 않은 규칙도 보고"
    }
}

#[cfg(test)]
mod tests {
    use super::CliWords;
    use crate::words::{En, Ko};

    #[test]
    fn summary_lines() {
        assert_eq!(
            En.checked(1, Some(69), Some(0)),
            "checked 1 pack(s) and 69 good case(s): no errors, 0 warning(s)"
        );
        assert_eq!(En.checked(1, None, None), "checked 1 pack(s): errors found");
        assert_eq!(
            Ko.checked(1, Some(69), Some(0)),
            "검사 완료: 법령팩 1개, 오류 없는 사안 69건. 오류 없음, 경고 0건"
        );
        assert_eq!(Ko.evaluated(3, 1), "판단 3건, 거부 1건");
    }
}
