//! `--help` in the language of the run.
//!
//! clap's derive takes the help from the doc comments of [`super::Cli`], in English. The
//! language is known before the arguments are parsed ([`language`]: `--lang`, else
//! `ENTRUST_LANG`), and [`command`] puts every text of the help through the wording layer: the
//! program's and each subcommand's summary and description, the help of each argument and of
//! each value of an argument, and the messages of `--as-of` and `--lang` about a bad value. In a
//! language other than English it also replaces the words clap writes itself: the headings
//! ("Usage:", "Arguments:", "Options:", "Commands:"), `-h, --help`, `-V, --version`, the `help`
//! subcommand, and the `[default: …]`, `[env: …]` and possible values after an argument's help.
//!
//! The English help is the same, byte for byte, as the one clap makes from the doc comments (a
//! test checks it). What stays in clap's English: its error messages, the usage line's
//! placeholders (`[OPTIONS]`, `<COMMAND>`), and the manual page and shell completions, which
//! are made from the doc comments.

use super::{Cli, ExplainFormat, FactsFormat, Format, Until};
use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};
use clap::{Arg, Command, CommandFactory, ValueEnum};
use entrust::date::Date;
use entrust::lang::Lang;
use entrust::words::{CommandHelp, HelpFrame, Words, words};
use std::ffi::{OsStr, OsString};

/// The language of the run, known before the arguments are parsed: the value of `--lang`
/// (`--lang ko` or `--lang=ko`; the last one given), else of `ENTRUST_LANG`, else English. A
/// value that is not a language is passed over here; parsing reports it.
pub fn language(args: &[OsString], env: Option<&OsStr>) -> Lang {
    let mut flag = None;
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let Some(a) = a.to_str() else {
            continue;
        };
        if a == "--" {
            break;
        }
        if a == "--lang" {
            flag = it.next().and_then(|v| v.to_str()).map(str::to_string);
        } else if let Some(v) = a.strip_prefix("--lang=") {
            flag = Some(v.to_string());
        }
    }
    flag.and_then(|f| Lang::parse(&f))
        .or_else(|| env.and_then(OsStr::to_str).and_then(Lang::parse))
        .unwrap_or_default()
}

/// The command line of entrust, every text of its help in the words of `lang`.
pub fn command(lang: Lang) -> Command {
    let w = words(lang);
    let cmd = Cli::command()
        .about(w.help_about())
        .after_help(w.help_after())
        .mut_args(|a| {
            let help = match a.get_id().as_str() {
                "statutes" => w.arg_statutes(),
                "as_of" => w.arg_as_of(),
                "lang" => w.arg_lang(),
                "under" => w.arg_under(),
                _ => return a,
            };
            let a = a.help(help);
            match a.get_id().as_str() {
                "as_of" => {
                    a.value_parser(move |s: &str| Date::parse(s).ok_or_else(|| w.not_a_date(s)))
                }
                "lang" => a.value_parser(move |s: &str| {
                    Lang::parse(s).ok_or_else(|| w.not_a_language(s, &Lang::codes()))
                }),
                _ => a,
            }
        })
        .mut_subcommands(|c| subcommand(c, w));
    match w.help_frame() {
        Some(frame) => framed(cmd, &frame),
        None => cmd,
    }
}

/// A subcommand's texts in the words `w`.
fn subcommand(c: Command, w: &'static dyn Words) -> Command {
    let help = match c.get_name() {
        "explain" => w.help_explain(),
        "eval" => w.help_eval(),
        "check" => w.help_check(),
        "fmt" => w.help_fmt(),
        "ask" => w.help_ask(),
        "whatif" => w.help_whatif(),
        "diff" => w.help_diff(),
        "exercise" => w.help_exercise(),
        "grade" => w.help_grade(),
        "facts" => w.help_facts(),
        "schema" => w.help_schema(),
        "completions" => w.help_completions(),
        "man" => w.help_man(),
        "test" => w.help_test(),
        _ => return c,
    };
    let CommandHelp { about, long_about } = help;
    let name = c.get_name().to_string();
    c.about(about)
        .long_about(long_about)
        .mut_args(|a| argument(&name, a, w))
}

/// An argument's help (and the help of its values) in the words `w`.
fn argument(command: &str, a: Arg, w: &'static dyn Words) -> Arg {
    let help = match (command, a.get_id().as_str()) {
        ("explain", "cases") => w.arg_explain_cases(),
        ("explain", "format") => {
            return a.help(w.arg_explain_format()).value_parser(Described {
                words: w,
                help: |w, v: &ExplainFormat| match v {
                    ExplainFormat::Text => w.value_explain_text(),
                    ExplainFormat::Json => w.value_explain_json(),
                },
            });
        }
        ("explain", "quote") => w.arg_explain_quote(),
        ("eval", "files") => w.arg_eval_files(),
        ("eval", "jobs") => w.arg_eval_jobs(),
        ("eval", "output") => w.arg_eval_output(),
        ("eval", "format") => {
            return a.help(w.arg_eval_format()).value_parser(Described {
                words: w,
                help: |w, v: &Format| match v {
                    Format::Text => w.value_format_text(),
                    Format::Json => w.value_format_json(),
                    Format::Jsonl => w.value_format_jsonl(),
                    Format::Yaml => w.value_format_yaml(),
                    Format::Csv => w.value_format_csv(),
                    Format::Markdown => w.value_format_markdown(),
                    Format::Html => w.value_format_html(),
                },
            });
        }
        ("eval", "explain") => w.arg_eval_explain(),
        ("check", "paths") => w.arg_check_paths(),
        ("fmt", "paths") => w.arg_fmt_paths(),
        ("fmt", "check") => w.arg_fmt_check(),
        ("ask" | "whatif", "case") => w.arg_case_file(),
        ("ask", "answers") => w.arg_ask_answers(),
        ("ask", "save") => w.arg_ask_save(),
        ("ask", "no_save") => w.arg_ask_no_save(),
        ("ask", "until") => {
            return a.help(w.arg_ask_until()).value_parser(Described {
                words: w,
                help: |w, v: &Until| match v {
                    Until::Settled => w.value_until_settled(),
                    Until::Outcome => w.value_until_outcome(),
                },
            });
        }
        ("whatif", "sets") => w.arg_whatif_set(),
        ("whatif", "max_changes") => w.arg_whatif_max_changes(),
        ("whatif", "vary") => w.arg_whatif_vary(),
        ("whatif", "keep") => w.arg_whatif_keep(),
        ("diff", "a") => w.arg_diff_a(),
        ("diff", "b") => w.arg_diff_b(),
        ("exercise", "dir") => w.arg_exercise_dir(),
        ("exercise", "answers") => w.arg_exercise_answers(),
        ("grade", "answers") => w.arg_grade_answers(),
        ("grade", "cases") => w.arg_grade_cases(),
        ("facts", "pack") => w.arg_facts_pack(),
        ("facts", "format") => {
            return a.help(w.arg_facts_format()).value_parser(Described {
                words: w,
                help: |w, v: &FactsFormat| match v {
                    FactsFormat::Text => w.value_facts_text(),
                    FactsFormat::Json => w.value_facts_json(),
                },
            });
        }
        ("completions", "shell") => w.arg_completions_shell(),
        ("man", "dir") => w.arg_man_dir(),
        ("test", "paths") => w.arg_test_paths(),
        ("test", "coverage") => w.arg_test_coverage(),
        _ => return a,
    };
    a.help(help)
}

/// The value parser of a [`ValueEnum`] whose values' help comes from the wording layer; it
/// parses as clap's own does.
#[derive(Clone)]
struct Described<E> {
    words: &'static dyn Words,
    help: fn(&dyn Words, &E) -> &'static str,
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Described<E> {
    type Value = E;

    fn parse_ref(&self, cmd: &Command, arg: Option<&Arg>, value: &OsStr) -> Result<E, clap::Error> {
        EnumValueParser::<E>::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(E::value_variants().iter().filter_map(|v| {
            v.to_possible_value()
                .map(|p| p.help((self.help)(self.words, v)))
        })))
    }
}

/// The command line with the words clap writes itself replaced by `frame`'s.
fn framed(cmd: Command, frame: &HelpFrame) -> Command {
    let mut cmd = prepared(cmd, frame);
    // The `help` subcommand, `-h` and `-V` are made when the command is built: build it, then
    // change their words in place (an argument moved after the build would be parsed wrong).
    cmd.build();
    dressed(cmd, frame)
}

/// Before the build: each argument's `[default: …]`, `[env: …]` and possible values written in
/// the words of `frame` into its help, and the positional arguments moved before the options
/// (clap lists the sections of a help page in the order their first argument comes).
fn prepared(cmd: Command, frame: &HelpFrame) -> Command {
    let positional: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.is_positional())
        .map(|a| a.get_id().to_string())
        .collect();
    let options: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !a.is_positional())
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = cmd;
    for id in positional.iter().chain(&options) {
        cmd = cmd.mut_arg(id, |a| a);
    }
    cmd.mut_args(|a| annotated(a, frame))
        .mut_subcommands(|c| prepared(c, frame))
}

/// An argument's help followed by its default value, environment variable and possible values
/// in the words of `frame` (clap's own notes, in English, hidden).
fn annotated(a: Arg, frame: &HelpFrame) -> Arg {
    if !a.get_action().takes_values() {
        return a;
    }
    let help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let mut notes = Vec::new();
    if let Some(env) = a.get_env()
        && !a.is_hide_env_set()
    {
        notes.push(format!("[{}: {}]", frame.env, env.to_string_lossy()));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        notes.push(format!("[{}: {}]", frame.default, defaults.join(", ")));
    }
    let values: Vec<PossibleValue> = if a.is_hide_possible_values_set() {
        Vec::new()
    } else {
        a.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    };
    let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
    let short_values =
        (!names.is_empty()).then(|| format!("[{}: {}]", frame.possible_values, names.join(", ")));
    let with = |parts: Vec<String>| {
        std::iter::once(help.clone())
            .chain(parts)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let short = with(notes.iter().cloned().chain(short_values).collect());
    let a = a
        .hide_env(true)
        .hide_default_value(true)
        .hide_possible_values(true)
        .help(short);
    if !values.iter().any(|v| v.get_help().is_some()) {
        return a;
    }
    // The values with their help, one a line, as clap lists them in the long help.
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    let list: Vec<String> = values
        .iter()
        .map(|v| {
            let name = v.get_name();
            let pad = " ".repeat(width - name.chars().count());
            let help = v.get_help().map(ToString::to_string).unwrap_or_default();
            format!("- {name}:{pad} {help}")
        })
        .collect();
    let mut long = format!("{help}\n\n{}:\n{}", frame.possible_values, list.join("\n"));
    if !notes.is_empty() {
        long.push_str("\n\n");
        long.push_str(&notes.join("\n"));
    }
    a.long_help(long)
}

/// After the build: the headings, `-h`, `-V` and the `help` subcommand in the words of
/// `frame`, in this command and every subcommand.
fn dressed(cmd: Command, frame: &HelpFrame) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        frame.usage
    );
    cmd.help_template(template)
        .subcommand_help_heading(frame.commands)
        .mut_args(|a| {
            let heading = if a.is_positional() {
                frame.arguments
            } else {
                frame.options
            };
            let a = a.help_heading(heading);
            match a.get_id().as_str() {
                "help" if a.get_long_help().is_some() => a
                    .help(frame.help_flag_more)
                    .long_help(frame.help_flag_summary),
                "help" => a.help(frame.help_flag),
                "version" => a.help(frame.version_flag),
                "subcommand" => a.help(frame.help_command_arg),
                _ => a,
            }
        })
        .mut_subcommands(|c| {
            let c = if c.get_name() == "help" {
                c.about(frame.help_command)
            } else {
                c
            };
            dressed(c, frame)
        })
}

#[cfg(test)]
mod tests {
    use super::{command, language};
    use clap::{Command, CommandFactory};
    use entrust::lang::Lang;
    use std::ffi::{OsStr, OsString};

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_known_before_parsing() {
        let ko = Some(OsStr::new("ko"));
        assert_eq!(language(&args(&["entrust", "test"]), None), Lang::En);
        assert_eq!(
            language(&args(&["entrust", "--lang", "ko"]), None),
            Lang::Ko
        );
        assert_eq!(
            language(&args(&["entrust", "test", "--lang=ko"]), None),
            Lang::Ko
        );
        assert_eq!(language(&args(&["entrust", "test"]), ko), Lang::Ko);
        assert_eq!(language(&args(&["entrust", "--lang", "en"]), ko), Lang::En);
        assert_eq!(language(&args(&["entrust", "--lang", "fr"]), ko), Lang::Ko);
        assert_eq!(
            language(&args(&["entrust", "--", "--lang=ko"]), None),
            Lang::En
        );
    }

    /// Every help page of a command and of its subcommands, short and long.
    fn pages(cmd: &mut Command) -> Vec<(String, String)> {
        let mut out = vec![
            (
                format!("{} -h", cmd.get_name()),
                cmd.render_help().to_string(),
            ),
            (
                format!("{} --help", cmd.get_name()),
                cmd.render_long_help().to_string(),
            ),
        ];
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        for n in names {
            if let Some(c) = cmd.find_subcommand_mut(&n) {
                out.extend(pages(c));
            }
        }
        out
    }

    #[test]
    fn the_english_help_is_the_doc_comments_word_for_word() {
        let mut ours = command(Lang::En);
        let mut derived = crate::cli::Cli::command();
        ours.build();
        derived.build();
        let ours = pages(&mut ours);
        let derived = pages(&mut derived);
        assert_eq!(ours.len(), derived.len());
        for ((name, a), (_, b)) in ours.iter().zip(&derived) {
            assert_eq!(a, b, "{name}");
        }
    }

    fn hangul(s: &str) -> bool {
        s.chars().any(|c| ('가'..='힣').contains(&c))
    }

    /// Every summary, description and argument help of `ko` differs from `en`'s and is Korean.
    fn all_korean(ko: &Command, en: &Command) {
        let name = en.get_name();
        for (k, e) in [
            (ko.get_about(), en.get_about()),
            (ko.get_long_about(), en.get_long_about()),
            (ko.get_after_help(), en.get_after_help()),
        ] {
            if let Some(e) = e {
                let k = k.map(ToString::to_string).unwrap_or_default();
                assert!(hangul(&k) && k != e.to_string(), "{name}: {e}");
            }
        }
        for a in en.get_arguments() {
            let k = ko
                .get_arguments()
                .find(|k| k.get_id() == a.get_id())
                .and_then(|k| k.get_help())
                .map(ToString::to_string)
                .unwrap_or_default();
            assert!(hangul(&k), "{name} {}: {k}", a.get_id());
        }
        for e in en.get_subcommands() {
            let k = ko.find_subcommand(e.get_name());
            assert!(k.is_some(), "{name} {}", e.get_name());
            if let Some(k) = k {
                all_korean(k, e);
            }
        }
    }

    #[test]
    fn every_text_of_the_korean_help_is_korean() {
        let mut ko = command(Lang::Ko);
        ko.build();
        let mut en = command(Lang::En);
        en.build();
        all_korean(&ko, &en);
        for (name, page) in pages(&mut ko) {
            for english in [
                "Usage:",
                "Options:",
                "Arguments:",
                "Commands:",
                "Print ",
                "[default",
                "[env",
                "Possible values",
                "Example",
            ] {
                assert!(!page.contains(english), "{name}: `{english}` in:\n{page}");
            }
        }
    }

    #[test]
    fn korean_sections_come_in_the_english_order() {
        let mut ko = command(Lang::Ko);
        let page = ko
            .find_subcommand_mut("explain")
            .map(|c| c.render_long_help().to_string())
            .unwrap_or_default();
        let at = |s: &str| page.find(s).unwrap_or(usize::MAX);
        assert!(at("사용법: entrust explain") < at("인자:"), "{page}");
        assert!(at("인자:") < at("옵션:"), "{page}");
        assert!(page.contains("가능한 값:\n"), "{page}");
        assert!(page.contains("[기본값: text]"), "{page}");
        assert!(
            page.contains("[환경 변수: ENTRUST_LANG] [기본값: en]"),
            "{page}"
        );
    }
}
