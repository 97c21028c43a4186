//! Arguments and dispatch. One file per subcommand.

mod ask;
mod check;
mod diff;
mod eval;
mod exercise;
mod explain;
mod facts;
mod fmt;
mod help;
mod output;
mod test;
mod whatif;

use clap::{FromArgMatches as _, Parser, Subcommand, ValueEnum};
use entrust::date::Date;
use entrust::lang::Lang;
use entrust::words::{Words, words};
use std::ffi::OsString;
use std::io::Write as _;
use std::path::PathBuf;

/// How a run ended (cases.md §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Everything read was evaluated.
    Ok,
    /// An expectation was not met.
    Failed,
    /// Some input could not be read, parsed or checked.
    BadInput,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Ok => 0,
            Outcome::Failed => 1,
            Outcome::BadInput => 2,
        }
    }

    /// The worse of two outcomes (bad input outranks failed expectations).
    pub fn worst(self, other: Outcome) -> Outcome {
        if self.code() >= other.code() {
            self
        } else {
            other
        }
    }
}

const ABOUT: &str = "Tells outsourcing of personal-data processing from provision to a third party, \
checks its lawfulness under the law in force at the time, and explains why, article by article.";

const AFTER: &str =
    "Exit codes: 0 everything read was evaluated; 1 `entrust test` found an expectation not met; \
2 some input could not be read, parsed or checked (the rest is still evaluated).

Examples:
  entrust explain cases/kr/kakaopay-alipay-nsf.case
  entrust eval --format jsonl cases/kr/
  entrust check statutes/ cases/kr cases/eu cases/jp cases/multi cases/training
  entrust test cases/";

/// entrust: outsourcing or provision, and is it lawful?
#[derive(Parser, Debug)]
#[command(name = "entrust", version, about = ABOUT, after_help = AFTER)]
pub struct Cli {
    /// Load statute packs from this folder instead of the packs built into entrust.
    #[arg(long, global = true, value_name = "DIR")]
    pub statutes: Option<PathBuf>,
    /// Judge every case as if on this date (YYYY-MM-DD), whatever its own date or period.
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// The language of everything printed for a person: `en` (English) or `ko` (Korean).
    /// JSON keys, fact names and values, and violation codes stay the same in every language.
    #[arg(
        long,
        global = true,
        value_name = "LANG",
        env = "ENTRUST_LANG",
        default_value = "en",
        value_parser = parse_lang
    )]
    pub lang: Lang,
    /// Judge every case under these packs, in this order (`kr,eu,jp`), in place of the packs
    /// its own `under` names; its facts may be any its own packs read. A case under several
    /// packs is followed by the comparison of its verdicts.
    #[arg(
        long,
        global = true,
        value_name = "PACKS",
        value_delimiter = ',',
        num_args = 1
    )]
    pub under: Vec<String>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| words(Lang::En).not_a_language(s, &Lang::codes()))
}

/// Parses the command line of the process: its help, and the messages about a bad `--as-of` or
/// `--lang`, in the language of the run (see [`help`]); exits on `--help`, `--version` or an
/// error.
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = help::language(&args, std::env::var_os("ENTRUST_LANG").as_deref());
    let mut cmd = help::command(lang);
    let mut matches = cmd
        .try_get_matches_from_mut(args)
        .unwrap_or_else(|e| e.exit());
    Cli::from_arg_matches_mut(&mut matches).unwrap_or_else(|e| e.format(&mut cmd).exit())
}

/// What every subcommand is given: where the packs are, the date to judge as of, and the
/// language to speak.
#[derive(Clone, Debug)]
pub struct Global {
    /// `--statutes`: a folder of packs instead of the built-in ones.
    pub statutes: Option<PathBuf>,
    /// `--as-of`: the date every case is judged on.
    pub as_of: Option<Date>,
    /// `--lang` (or `ENTRUST_LANG`).
    pub lang: Lang,
    /// `--under`: the packs every case is judged under, in place of its own.
    pub under: Option<Vec<String>>,
}

impl Global {
    /// The words of the chosen language.
    pub fn words(&self) -> &'static dyn Words {
        words(self.lang)
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| words(Lang::En).not_a_date(s))
}

/// Output formats of `explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    /// The reasoning in plain words.
    Text,
    /// The verdicts with their explanation trees, as a JSON array.
    Json,
}

/// Output formats of `facts`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FactsFormat {
    /// Each fact with its type, question and help, in plain words.
    Text,
    /// A JSON array of packs, each with its facts: name, type, values, question, help, given,
    /// recorded, burden.
    Json,
}

/// Output formats of `eval`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A short summary per verdict.
    Text,
    /// A JSON array of verdicts.
    Json,
    /// One JSON verdict per line (cases.md §3).
    Jsonl,
    /// One YAML document per verdict.
    Yaml,
    /// One row per case and pack: id, title, classification, lawful, violations, grounds, open
    /// questions, possible violations, law not checked.
    Csv,
    /// A memo section per case: facts, reasoning with citations, conclusion.
    Markdown,
    /// One self-contained HTML page: a summary table, then per case the verdict, the weighing
    /// as a chart, the requirements, citations and open questions. Printable.
    Html,
}

/// When `ask` stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Until {
    /// The classification, the lawfulness and every possible violation are settled.
    Settled,
    /// The classification and the lawfulness are settled.
    Outcome,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Explain the verdict of a case in plain words: the classification factor by factor, each
    /// requirement with its article, and the open questions.
    ///
    /// Example: entrust explain cases/kr/kakaopay-alipay-nsf.case
    Explain {
        /// Case files (.case, .yaml, .yml, .jsonl) or folders.
        #[arg(required = true, value_name = "CASE")]
        cases: Vec<PathBuf>,
        /// `text` for a memo, `json` for the verdict with its explanation tree.
        #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
        format: ExplainFormat,
        /// Quote under each requirement the article's own words, as in force in each stretch
        /// of law (where the pack stores them).
        #[arg(long)]
        quote: bool,
    },
    /// Judge cases and print their verdicts, for scripts.
    ///
    /// Example: entrust eval --format jsonl cases/kr/ > verdicts.jsonl
    Eval {
        /// Case files (.case, .yaml, .yml, .jsonl), folders searched for them, or `-` for JSON
        /// Lines or YAML on standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Threads to judge with (default: all cores). The output is the same whatever the number.
        #[arg(long, short = 'j', value_name = "N")]
        jobs: Option<usize>,
        /// Write the report to this file (atomically: a temporary file renamed into place).
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Add the reasoning: the explanation tree in json, jsonl and yaml; the memo of `entrust
        /// explain` in text (markdown and html always carry it; csv has no room for it).
        #[arg(long)]
        explain: bool,
    },
    /// Check statute packs and case files and report every error and warning.
    ///
    /// With no path, checks the packs built into entrust. A folder holding `.law` files (or
    /// folders of them) is checked as packs; case files are read and checked against the packs.
    ///
    /// Example: entrust check statutes/ cases/kr cases/eu cases/jp cases/multi cases/training
    Check {
        /// Pack folders, `.law` files, case files or folders of cases.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Rewrite statute (.law) and case (.case) files in the canonical layout, in place.
    ///
    /// Only white space changes: every comment is kept and the meaning never changes. Each file
    /// is replaced whole (a temporary file renamed over it). With --check, nothing is written:
    /// the files that would change are listed and the exit code is 1 if there are any.
    ///
    /// Example: entrust fmt --check statutes/ cases/kr/
    Fmt {
        /// Files or folders (searched for .law and .case files).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// List the files that would change; change nothing.
        #[arg(long)]
        check: bool,
    },
    /// Interview: ask, most decisive first, only the questions whose answers can still change the
    /// classification, the lawfulness or which violations are found; go on until every one is
    /// settled (or, with --until outcome, until the classification and the lawfulness are);
    /// show the verdict and the violations still possible, and save the answers.
    ///
    /// Answers are saved into the .case file in place (comments kept; the file is replaced
    /// whole), or to a new file with --save. --answers takes them from a file (one `fact = value`
    /// per line, or YAML `fact: value`), so an interview can be scripted.
    ///
    /// Example: entrust ask cases/kr/analytics-vendor-undecided.case --save /tmp/answered.case
    Ask {
        /// The case file.
        #[arg(value_name = "CASE")]
        case: PathBuf,
        /// Take the answers from this file instead of asking.
        #[arg(long, value_name = "FILE")]
        answers: Option<PathBuf>,
        /// Save the answered case to this new file instead of updating CASE in place.
        #[arg(long, value_name = "FILE")]
        save: Option<PathBuf>,
        /// Do not save the answers.
        #[arg(long)]
        no_save: bool,
        /// When to stop asking: `settled` (default) once the classification, the lawfulness
        /// and every possible violation are settled; `outcome` once the classification and the
        /// lawfulness are, even if some violations stay possible.
        #[arg(long, value_enum, default_value_t = Until::Settled, value_name = "WHEN")]
        until: Until,
    },
    /// What-if: the smallest sets of fact changes that would flip the classification, and those
    /// that would make the arrangement lawful, each with the rules that would then decide.
    ///
    /// Facts the pack declares `given` (what the client is: who sends, what data) are kept as
    /// they are unless named with --vary; --keep holds any other fact as it is.
    ///
    /// Example: entrust whatif cases/kr/kakaopay-alipay-nsf.case --max-changes 2
    Whatif {
        /// The case file.
        #[arg(value_name = "CASE")]
        case: PathBuf,
        /// Evaluate a variation: set a fact (repeatable), e.g. --set recipient_own_use=false.
        #[arg(long = "set", value_name = "FACT=VALUE")]
        sets: Vec<String>,
        /// The most facts changed at once in a suggestion.
        #[arg(long, default_value_t = 3, value_name = "N")]
        max_changes: usize,
        /// Also propose changes to this fact although the pack declares it one of the
        /// arrangement's givens (who sends, what data, …) (repeatable).
        #[arg(long = "vary", value_name = "FACT")]
        vary: Vec<String>,
        /// Never propose changes to this fact (repeatable).
        #[arg(long = "keep", value_name = "FACT")]
        keep: Vec<String>,
    },
    /// Compare: why two cases came out differently: the facts that differ, and which factors,
    /// tests and requirements they changed.
    ///
    /// Example: entrust diff cases/kr/courier-parcels.case cases/kr/call-centre-no-contract.case
    Diff {
        /// The first case file.
        #[arg(value_name = "CASE_A")]
        a: PathBuf,
        /// The second case file.
        #[arg(value_name = "CASE_B")]
        b: PathBuf,
    },
    /// Training: present each sample case without its answer, ask for the classification,
    /// lawfulness, violations and decisive grounds, grade each part, and show the reasoning.
    ///
    /// Without DIR, sets the exercises built into entrust (those of the repository's
    /// cases/training/, embedded when entrust was built), from any folder.
    ///
    /// Example: entrust exercise cases/training/
    Exercise {
        /// A folder of exercises (or case files); default: the exercises built into entrust.
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Take the trainee's answers from this file instead of asking.
        #[arg(long, value_name = "FILE")]
        answers: Option<PathBuf>,
    },
    /// Grade a class's answer files against the engine's verdicts and print a score table.
    ///
    /// Without --cases, grades against the exercises built into entrust (those of the
    /// repository's cases/training/, embedded when entrust was built), from any folder.
    ///
    /// Example: entrust grade answers/*.yaml --cases cases/training/
    Grade {
        /// Answer files (YAML).
        #[arg(required = true, value_name = "ANSWERS")]
        answers: Vec<PathBuf>,
        /// Where the exercises are; default: the exercises built into entrust.
        #[arg(long, value_name = "DIR")]
        cases: Option<PathBuf>,
    },
    /// List the facts a pack reads: each with its type and values, its question and its help.
    ///
    /// These are the names and values a case file may give (docs/facts.md describes the shared
    /// ones). With no PACK, every pack's facts. The questions and help are in the language of
    /// the run; names, types and values are the same in every language. --format json writes
    /// them for scripts.
    ///
    /// Example: entrust facts kr
    Facts {
        /// The pack whose facts to list (default: every pack).
        #[arg(value_name = "PACK")]
        pack: Option<String>,
        /// `text` to read, `json` for scripts.
        #[arg(long, value_enum, default_value_t = FactsFormat::Text)]
        format: FactsFormat,
    },
    /// Print the JSON Schema of the verdict object that `eval --format json|jsonl` writes.
    ///
    /// Example: entrust schema > verdict.schema.json
    Schema,
    /// Print a shell completion script.
    ///
    /// Example: entrust completions bash > /etc/bash_completion.d/entrust
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write it and one page per subcommand into a folder.
    ///
    /// The page names a page per subcommand (entrust-eval(1), …): --dir writes them all.
    ///
    /// Example: entrust man --dir man/ && man -l man/entrust.1
    Man {
        /// Write entrust.1 and a page per subcommand (entrust-eval.1, …) into this folder
        /// (created if need be) instead of printing entrust.1.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Run the `expect` blocks of case files and report each expectation not met.
    ///
    /// Checks classification, lawfulness, violations (by code prefix) and the reasons named in
    /// `because`. Files headed `# expect error at LINE:COL: MESSAGE` must be rejected with that
    /// error. Ends with a line `N passed, N failed`; exits 1 if any case failed.
    ///
    /// Example: entrust test --coverage cases/
    Test {
        /// Case files or folders (default: `cases`).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Also report, for each test, exception, factor and requirement of the packs, how many
        /// cases made it hold, fail or stay unknown, and which rules no case exercises.
        #[arg(long)]
        coverage: bool,
    },
}

/// `entrust man`: the manual page on standard output, or with `dir` it and a page per
/// subcommand (every page the first one names) written into `dir`. The pages are made from the
/// doc comments, in English; clap's `help` subcommand has no page and is not named.
fn man(g: &Global, dir: Option<&std::path::Path>) -> Outcome {
    let cmd = <Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    let pages = 1 + cmd.get_subcommands().filter(|c| !c.is_hide_set()).count();
    let written = match dir {
        None => clap_mangen::Man::new(cmd).render(&mut output::stdout()),
        Some(dir) => std::fs::create_dir_all(dir)
            .and_then(|()| clap_mangen::generate_to(cmd, dir))
            .map(|()| {
                let written = g.words().man_written(pages, &dir.display().to_string());
                let _ = writeln!(output::stdout(), "{written}");
            }),
    };
    match written {
        Ok(()) => Outcome::Ok,
        Err(e) => {
            eprintln!("{}", g.words().error(&e.to_string()));
            Outcome::BadInput
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Outcome {
    let g = Global {
        statutes: cli.statutes,
        as_of: cli.as_of,
        lang: cli.lang,
        under: (!cli.under.is_empty()).then_some(cli.under),
    };
    match cli.command {
        Command::Explain {
            cases,
            format,
            quote,
        } => explain::run(&g, &cases, format, quote),
        Command::Eval {
            files,
            format,
            explain,
            jobs,
            output,
        } => eval::run(&g, &files, format, explain, jobs, output.as_deref()),
        Command::Check { paths } => check::run(&g, &paths),
        Command::Fmt { paths, check } => fmt::run(&g, &paths, check),
        Command::Ask {
            case,
            answers,
            save,
            no_save,
            until,
        } => ask::run(
            &g,
            &case,
            answers.as_deref(),
            save.as_deref(),
            no_save,
            match until {
                Until::Settled => entrust::reason::ask::Until::Settled,
                Until::Outcome => entrust::reason::ask::Until::Outcome,
            },
        ),
        Command::Whatif {
            case,
            sets,
            max_changes,
            vary,
            keep,
        } => whatif::run(&g, &case, &sets, max_changes, &vary, &keep),
        Command::Diff { a, b } => diff::run(&g, &a, &b),
        Command::Exercise { dir, answers } => exercise::run(&g, dir.as_deref(), answers.as_deref()),
        Command::Grade { answers, cases } => exercise::grade(&g, &answers, cases.as_deref()),
        Command::Facts { pack, format } => facts::run(&g, pack.as_deref(), format),
        Command::Schema => {
            let schema = entrust::render::schema::VERDICT_SCHEMA.trim_end();
            let _ = writeln!(output::stdout(), "{schema}");
            Outcome::Ok
        }
        // The shell completions and the manual page are made from the doc comments, in English.
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "entrust", &mut output::stdout());
            Outcome::Ok
        }
        Command::Man { dir } => man(&g, dir.as_deref()),
        Command::Test { paths, coverage } => {
            let paths = if paths.is_empty() {
                vec![PathBuf::from("cases")]
            } else {
                paths
            };
            test::run(&g, &paths, coverage)
        }
    }
}
