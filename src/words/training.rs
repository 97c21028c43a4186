//! Words of training: `entrust exercise` (the exercise as set, the prompts, the hints, the
//! debrief) and `entrust grade` (the grade of each answer, the steps of the reasoning where an
//! answer parts from the engine's, and the score table); and the words a trainee may type.

use super::josa::{gwa, ro};
use super::{CommonWords, En, Ko, ReportWords, TreeWords};
use crate::explain::{NodeKind, Outcome, Weight};
use crate::reason::training::{AnswerProblem, Lawful, Part, Remark, StepKind, StepResult};

/// Words of training.
pub trait TrainingWords {
    // ---- a step of the reasoning ----------------------------------------------------------------
    /// What a step is: `factor`, `requirement`… ("고려 요소", "요건").
    fn step_kind(&self, k: StepKind) -> String;
    /// What the engine found at a step: `violated`, `not in force`…
    fn step_result(&self, r: &StepResult) -> String;
    /// The stretch of law of a step, after its result: " (from … to …)".
    fn step_period(&self, from: &str, to: &str) -> String;
    /// The title of the summary of the requirements: "Every requirement that applies is met".
    fn all_met_title(&self) -> &'static str;
    /// A factor's side and weight: "weight 7 toward provision".
    fn weight_detail(&self, w: &Weight) -> String;
    /// A condition of application that does not hold: "… (here: false)".
    fn unmet(&self, condition: &str, result: &Outcome) -> String;
    /// Why a requirement does not apply: "does not apply: …" (the conditions, joined).
    fn does_not_apply(&self, conditions: &str) -> String;
    /// An exception that excuses a requirement: "excused by id: title (cite)".
    fn excused_by_rule(&self, id: &str, title: &str, cite: &str) -> String;
    /// The requirements met: "met: …" (ids and cites, joined).
    fn met_rules(&self, rules: &str) -> String;
    /// "no requirement applies".
    fn no_requirement_applies(&self) -> &'static str;
    /// A requirement in force at no date of the case: its code, message and dates in force.
    fn not_in_force(
        &self,
        code: &str,
        message: &str,
        from: Option<&str>,
        until: Option<&str>,
    ) -> String;
    /// The label of the facts a step read: "reads".
    fn reads_label(&self) -> &'static str;
    /// The label of a step's citation: "cite".
    fn cite_label(&self) -> &'static str;

    // ---- a grade ---------------------------------------------------------------------------------
    /// A graded part: "classification", "lawfulness", "violations", "grounds".
    fn part(&self, p: Part) -> &'static str;
    /// What the trainee answered and what the engine found: "you: …; engine: …".
    fn you_engine(&self, given: &str, expected: &str) -> String;
    /// The label of an exercise's total in a grade: "exercise".
    fn exercise_total_label(&self) -> &'static str;
    /// After the points of an exercise: "out of 4".
    fn out_of(&self, possible: &str) -> String;
    /// "Where the engine's reasoning differs:".
    fn differs_heading(&self) -> &'static str;
    /// A step already shown for another part: "the same step as for classification (…)".
    fn same_step(&self, part: &str, step: &str) -> String;
    /// "no answer".
    fn no_answer(&self) -> &'static str;
    /// The grounds expected when the exercise names none: "any of the verdict's grounds".
    fn any_ground(&self) -> &'static str;
    /// A classification as answered (by its code).
    fn answer_class(&self, c: &str) -> String;
    /// A remark on an item of an answer: "found …", "missed …", "… is a ground".
    fn remark(&self, r: &Remark) -> String;
    /// Points earned of points possible: "3.5 out of 4".
    fn score_of(&self, earned: &str, possible: &str) -> String;

    // ---- the score table -------------------------------------------------------------------------
    /// The header of the exercises' column: "exercise".
    fn table_exercise(&self) -> &'static str;
    /// The header of the levels' column: "level".
    fn table_level(&self) -> &'static str;
    /// The header of the class average: "average".
    fn table_average(&self) -> &'static str;
    /// The row of totals: "total (out of 52)".
    fn table_total(&self, possible: &str) -> String;
    /// The row of percentages: "percent".
    fn table_percent(&self) -> &'static str;
    /// An exercise's level (`easy`, `medium`, `hard`; another is shown as written).
    fn level(&self, l: &str) -> String;

    // ---- `entrust exercise` ----------------------------------------------------------------------
    /// "Training: 13 exercises from DIR (easy 3, medium 6, hard 4)".
    fn training_intro(
        &self,
        n: usize,
        dir: &str,
        easy: usize,
        medium: usize,
        hard: usize,
    ) -> String;
    /// "Trainee: NAME".
    fn trainee_line(&self, name: &str) -> String;
    /// How to answer at the prompts: `hint`, `quit`.
    fn how_to_answer(&self) -> &'static str;
    /// "Exercise 1 of 13 (easy): ID" (the level already in words).
    fn exercise_heading(&self, k: usize, n: usize, level: &str, id: &str) -> String;
    /// "Facts (a fact not listed is unknown):".
    fn facts_heading(&self) -> &'static str;
    /// "2 hints available (type `hint` at any question)." (`interactive`: with the how).
    fn hints_available(&self, n: usize, interactive: bool) -> String;
    /// "Your answer:".
    fn your_answer(&self) -> &'static str;
    /// "Stopped.".
    fn stopped(&self) -> &'static str;
    /// "Hint 1:".
    fn hint_label(&self, k: usize) -> String;
    /// "No more hints.".
    fn no_more_hints(&self) -> &'static str;
    /// "Classification (provision, outsourcing, undecided)?".
    fn class_prompt(&self, choices: &str) -> String;
    /// "Answer one of: provision, outsourcing, undecided.".
    fn class_retry(&self, choices: &str) -> String;
    /// "Lawful (yes, no, unknown)?".
    fn lawful_prompt(&self) -> &'static str;
    /// "Answer yes, no or unknown.".
    fn lawful_retry(&self) -> &'static str;
    /// "Violations (codes such as KR-PIPA-17-1, or none)?".
    fn violations_prompt(&self) -> &'static str;
    /// "Decisive grounds (facts or rules, e.g. processing_serves)?".
    fn grounds_prompt(&self) -> &'static str;
    /// "Score" (the heading of the debrief's grade).
    fn score_heading(&self) -> &'static str;
    /// "The engine's reasoning".
    fn engine_reasoning_heading(&self) -> &'static str;
    /// "Teaching notes".
    fn teaching_notes_heading(&self) -> &'static str;
    /// "Total: 26.33 out of 52 over 13 exercises (51%)".
    fn session_total(&self, total: &str, possible: &str, n: usize, percent: Option<&str>)
    -> String;

    // ---- `entrust grade` -------------------------------------------------------------------------
    /// "Scores: 2 trainees on 13 exercises from DIR (4 points each: …; - = not answered)".
    fn scores_intro(&self, trainees: usize, exercises: usize, dir: &str) -> String;
    /// "Not answered: …".
    fn not_answered(&self, ids: &str) -> String;
    /// "Every answer is right.".
    fn all_right(&self) -> &'static str;

    // ---- errors ----------------------------------------------------------------------------------
    /// An answers file that cannot be read: "error: PATH: cannot read the file: …".
    fn cannot_read(&self, path: &str, err: &str) -> String;
    /// An answers file that is not right, at `place` (`path:line:col`).
    fn answers_error(&self, place: &str, p: &AnswerProblem) -> String;
    /// "error: no exercises in DIR".
    fn no_exercises(&self, dir: &str) -> String;
    /// An answer to no exercise of the set, with the nearest id; a warning or an error.
    fn stray_answer(&self, place: &str, id: &str, near: Option<&str>, warning: bool) -> String;
    /// An error writing the output: "error: …".
    fn io_error(&self, err: &str) -> String;

    // ---- what a trainee may type ---------------------------------------------------------------
    /// The words read as a lawfulness (any case).
    fn lawful_typed(&self, l: Lawful) -> &'static [&'static str];
    /// The words read as a classification code, besides the code itself.
    fn class_typed(&self, code: &str) -> &'static [&'static str];
    /// The words read as "none" in a list of codes or names.
    fn none_typed(&self) -> &'static [&'static str];
    /// The words that ask for a hint.
    fn hint_typed(&self) -> &'static [&'static str];
    /// The words that stop the session.
    fn quit_typed(&self) -> &'static [&'static str];
}

impl TrainingWords for En {
    fn step_kind(&self, k: StepKind) -> String {
        k.code().to_string()
    }
    fn step_result(&self, r: &StepResult) -> String {
        r.code().to_string()
    }
    fn step_period(&self, from: &str, to: &str) -> String {
        format!(" (from {from} to {to})")
    }
    fn all_met_title(&self) -> &'static str {
        "Every requirement that applies is met"
    }
    fn weight_detail(&self, w: &Weight) -> String {
        format!("weight {}", w.code())
    }
    fn unmet(&self, condition: &str, result: &Outcome) -> String {
        format!("{condition} (here: {})", result.code())
    }
    fn does_not_apply(&self, conditions: &str) -> String {
        format!("does not apply: {conditions}")
    }
    fn excused_by_rule(&self, id: &str, title: &str, cite: &str) -> String {
        format!("excused by {id}: {title} ({cite})")
    }
    fn met_rules(&self, rules: &str) -> String {
        format!("met: {rules}")
    }
    fn no_requirement_applies(&self) -> &'static str {
        "no requirement applies"
    }
    fn not_in_force(
        &self,
        code: &str,
        message: &str,
        from: Option<&str>,
        until: Option<&str>,
    ) -> String {
        let when = match (from, until) {
            (Some(f), Some(u)) => format!("in force from {f} until {u}"),
            (Some(f), None) => format!("in force from {f}"),
            (None, Some(u)) => format!("in force until {u}"),
            (None, None) => "in force at no date of the case".into(),
        };
        format!("{code}: {message}; {when}, so at no date of this case")
    }
    fn reads_label(&self) -> &'static str {
        "reads"
    }
    fn cite_label(&self) -> &'static str {
        "cite"
    }

    fn part(&self, p: Part) -> &'static str {
        match p {
            Part::Classification => "classification",
            Part::Lawfulness => "lawfulness",
            Part::Violations => "violations",
            Part::Grounds => "grounds",
        }
    }
    fn you_engine(&self, given: &str, expected: &str) -> String {
        format!("you: {given}; engine: {expected}")
    }
    fn exercise_total_label(&self) -> &'static str {
        "exercise"
    }
    fn out_of(&self, possible: &str) -> String {
        format!("out of {possible}")
    }
    fn differs_heading(&self) -> &'static str {
        "Where the engine's reasoning differs:"
    }
    fn same_step(&self, part: &str, step: &str) -> String {
        format!("the same step as for {part} ({step})")
    }
    fn no_answer(&self) -> &'static str {
        "no answer"
    }
    fn any_ground(&self) -> &'static str {
        "any of the verdict's grounds"
    }
    fn answer_class(&self, c: &str) -> String {
        c.to_string()
    }
    fn remark(&self, r: &Remark) -> String {
        match r {
            Remark::Found { code, named: None } => format!("found {code}"),
            Remark::Found {
                code,
                named: Some(n),
            } => format!("found {code} (as {n})"),
            Remark::Missed { code } => format!("missed {code}"),
            Remark::TooVague { code } => {
                format!("{code} is too vague: name at least the article (JURISDICTION-ACT-ARTICLE)")
            }
            Remark::NotBroken { code } => format!("{code} was not broken"),
            Remark::NoSuchCode { code } => format!("no rule of the pack carries the code {code}"),
            Remark::Ground { name } => format!("{name} is a ground"),
            Remark::NotAGround { name } => {
                format!("{name} is not among the grounds of this verdict")
            }
            Remark::KeyNotNamed { names } => {
                format!("the key grounds not named: {}", names.join(", "))
            }
        }
    }
    fn score_of(&self, earned: &str, possible: &str) -> String {
        format!("{earned} out of {possible}")
    }

    fn table_exercise(&self) -> &'static str {
        "exercise"
    }
    fn table_level(&self) -> &'static str {
        "level"
    }
    fn table_average(&self) -> &'static str {
        "average"
    }
    fn table_total(&self, possible: &str) -> String {
        format!("total (out of {possible})")
    }
    fn table_percent(&self) -> &'static str {
        "percent"
    }
    fn level(&self, l: &str) -> String {
        l.to_string()
    }

    fn training_intro(
        &self,
        n: usize,
        dir: &str,
        easy: usize,
        medium: usize,
        hard: usize,
    ) -> String {
        format!(
            "Training: {n} exercise{} from {dir} (easy {easy}, medium {medium}, hard {hard})",
            if n == 1 { "" } else { "s" }
        )
    }
    fn trainee_line(&self, name: &str) -> String {
        format!("Trainee: {name}")
    }
    fn how_to_answer(&self) -> &'static str {
        "Answer each question; type `hint` for a hint, `quit` to stop."
    }
    fn exercise_heading(&self, k: usize, n: usize, level: &str, id: &str) -> String {
        format!("Exercise {k} of {n} ({level}): {id}")
    }
    fn facts_heading(&self) -> &'static str {
        "Facts (a fact not listed is unknown):"
    }
    fn hints_available(&self, n: usize, interactive: bool) -> String {
        format!(
            "{n} hint{} available{}.",
            if n == 1 { "" } else { "s" },
            if interactive {
                " (type `hint` at any question)"
            } else {
                ""
            }
        )
    }
    fn your_answer(&self) -> &'static str {
        "Your answer:"
    }
    fn stopped(&self) -> &'static str {
        "Stopped."
    }
    fn hint_label(&self, k: usize) -> String {
        format!("Hint {k}:")
    }
    fn no_more_hints(&self) -> &'static str {
        "No more hints."
    }
    fn class_prompt(&self, choices: &str) -> String {
        format!("Classification ({choices})?")
    }
    fn class_retry(&self, choices: &str) -> String {
        format!("Answer one of: {choices}.")
    }
    fn lawful_prompt(&self) -> &'static str {
        "Lawful (yes, no, unknown)?"
    }
    fn lawful_retry(&self) -> &'static str {
        "Answer yes, no or unknown."
    }
    fn violations_prompt(&self) -> &'static str {
        "Violations (codes such as KR-PIPA-17-1, or none)?"
    }
    fn grounds_prompt(&self) -> &'static str {
        "Decisive grounds (facts or rules, e.g. processing_serves)?"
    }
    fn score_heading(&self) -> &'static str {
        "Score"
    }
    fn engine_reasoning_heading(&self) -> &'static str {
        "The engine's reasoning"
    }
    fn teaching_notes_heading(&self) -> &'static str {
        "Teaching notes"
    }
    fn session_total(
        &self,
        total: &str,
        possible: &str,
        n: usize,
        percent: Option<&str>,
    ) -> String {
        format!(
            "Total: {total} out of {possible} over {n} exercise{}{}",
            if n == 1 { "" } else { "s" },
            percent.map_or_else(String::new, |p| format!(" ({p})"))
        )
    }

    fn scores_intro(&self, trainees: usize, exercises: usize, dir: &str) -> String {
        format!(
            "Scores: {trainees} trainee{} on {exercises} exercises from {dir} (4 points each: classification, lawfulness, violations, grounds; - = not answered)",
            if trainees == 1 { "" } else { "s" }
        )
    }
    fn not_answered(&self, ids: &str) -> String {
        format!("Not answered: {ids}")
    }
    fn all_right(&self) -> &'static str {
        "Every answer is right."
    }

    fn cannot_read(&self, path: &str, err: &str) -> String {
        format!("error: {path}: cannot read the file: {err}")
    }
    fn answers_error(&self, place: &str, p: &AnswerProblem) -> String {
        match p {
            AnswerProblem::Yaml(m) => format!("error: {place}: {m}"),
            AnswerProblem::NotLawful { answer, value } => format!(
                "error: {place}: answers[{answer}].lawful: `{value}` is not a lawfulness: answer yes, no or unknown"
            ),
            AnswerProblem::SecondAnswer { case } => {
                format!("error: {place}: a second answer to `{case}`")
            }
            AnswerProblem::NestedTooDeep { max } => format!(
                "error: {place}: lists and mappings nested more than {max} levels deep: an answer is a word or a list of words"
            ),
        }
    }
    fn no_exercises(&self, dir: &str) -> String {
        format!("error: no exercises in {dir}")
    }
    fn stray_answer(&self, place: &str, id: &str, near: Option<&str>, warning: bool) -> String {
        format!(
            "{}: {place}: no exercise `{id}` in this set{}",
            if warning { "warning" } else { "error" },
            near.map_or_else(String::new, |n| format!("; did you mean `{n}`?"))
        )
    }
    fn io_error(&self, err: &str) -> String {
        format!("error: {err}")
    }

    fn lawful_typed(&self, l: Lawful) -> &'static [&'static str] {
        match l {
            Lawful::Yes => &["yes", "y", "true", "lawful"],
            Lawful::No => &["no", "n", "false", "unlawful"],
            Lawful::Unknown => &["unknown", "u", "null", "~", "open", "undecided"],
        }
    }
    fn class_typed(&self, code: &str) -> &'static [&'static str] {
        match code {
            "joint_control" => &["joint control"],
            _ => &[],
        }
    }
    fn none_typed(&self) -> &'static [&'static str] {
        &["none", "-"]
    }
    fn hint_typed(&self) -> &'static [&'static str] {
        &["hint", "?"]
    }
    fn quit_typed(&self) -> &'static [&'static str] {
        &["quit", "q"]
    }
}

impl TrainingWords for Ko {
    fn step_kind(&self, k: StepKind) -> String {
        match k {
            StepKind::Lawfulness => "적법 여부",
            StepKind::Rule(n) => match n {
                NodeKind::Weighing => "형량",
                NodeKind::Factor => "고려 요소",
                NodeKind::Test => "판단 기준",
                NodeKind::Exception => "예외",
                NodeKind::Requirement => "요건",
                NodeKind::Gap => "검토하지 않은 법령",
                NodeKind::All => self.all_of(),
                NodeKind::Any => self.any_of(),
                NodeKind::Not => self.not(),
                NodeKind::Applies => self.applies_when(),
                NodeKind::Requires => self.requires(),
                NodeKind::Condition => "조건",
                NodeKind::Fact => "사실",
            },
        }
        .to_string()
    }
    fn step_result(&self, r: &StepResult) -> String {
        match r {
            StepResult::Outcome(o) => self.outcome(o),
            StepResult::NotInForce => "시행되지 않음".into(),
            StepResult::Lawful => self.lawful(Some(true)).into(),
        }
    }
    fn step_period(&self, from: &str, to: &str) -> String {
        format!(" ({})", self.date_range(from, to))
    }
    fn all_met_title(&self) -> &'static str {
        "적용되는 요건이 모두 충족됨"
    }
    fn weight_detail(&self, w: &Weight) -> String {
        format!(
            "가중치: {}",
            self.weight_words(w.points, w.decisive, &w.side)
        )
    }
    fn unmet(&self, condition: &str, result: &Outcome) -> String {
        format!("{condition} (이 사안: {})", self.outcome(result))
    }
    fn does_not_apply(&self, conditions: &str) -> String {
        format!("적용되지 않음: {conditions}")
    }
    fn excused_by_rule(&self, id: &str, title: &str, cite: &str) -> String {
        format!("{id} 예외 적용: {title} ({cite})")
    }
    fn met_rules(&self, rules: &str) -> String {
        format!("충족: {rules}")
    }
    fn no_requirement_applies(&self) -> &'static str {
        "적용되는 요건 없음"
    }
    fn not_in_force(
        &self,
        code: &str,
        message: &str,
        from: Option<&str>,
        until: Option<&str>,
    ) -> String {
        let when = match (from, until) {
            (Some(f), Some(u)) => format!("{f}부터 {u}까지 시행되었으므로"),
            (Some(f), None) => format!("{f}부터 시행되므로"),
            (None, Some(u)) => format!("{u}까지 시행되었으므로"),
            (None, None) => "시행 기간이 없으므로".into(),
        };
        format!("{code}: {message}; {when} 이 사안의 어느 날짜에도 적용되지 않음")
    }
    fn reads_label(&self) -> &'static str {
        "관련 사실:"
    }
    fn cite_label(&self) -> &'static str {
        "근거 조문"
    }

    fn part(&self, p: Part) -> &'static str {
        match p {
            Part::Classification => "법적 성격",
            Part::Lawfulness => "적법 여부",
            Part::Violations => "위반 사항",
            Part::Grounds => "결정적 근거",
        }
    }
    fn you_engine(&self, given: &str, expected: &str) -> String {
        format!("답변: {given}; 엔진: {expected}")
    }
    fn exercise_total_label(&self) -> &'static str {
        "합계"
    }
    fn out_of(&self, possible: &str) -> String {
        format!("({possible}점 만점)")
    }
    fn differs_heading(&self) -> &'static str {
        "엔진의 판단이 답변과 갈리는 지점:"
    }
    fn same_step(&self, part: &str, step: &str) -> String {
        format!("{} 같은 단계 ({step})", gwa(part))
    }
    fn no_answer(&self) -> &'static str {
        "답변 없음"
    }
    fn any_ground(&self) -> &'static str {
        "이 판단의 결정적 근거 중 어느 것이든"
    }
    fn answer_class(&self, c: &str) -> String {
        self.class(c)
    }
    fn remark(&self, r: &Remark) -> String {
        match r {
            Remark::Found { code, named: None } => format!("{code} 맞힘"),
            Remark::Found {
                code,
                named: Some(n),
            } => format!("{code} 맞힘 ({} 답함)", ro(n)),
            Remark::Missed { code } => format!("{code} 놓침"),
            Remark::TooVague { code } => format!(
                "{code}: 범위가 너무 넓음. 최소한 조문까지 적어야 함 (JURISDICTION-ACT-ARTICLE)"
            ),
            Remark::NotBroken { code } => format!("{code}: 위반 아님"),
            Remark::NoSuchCode { code } => format!("법령팩에 {code} 코드를 가진 규칙이 없음"),
            Remark::Ground { name } => format!("{name}: 결정적 근거에 해당함"),
            Remark::NotAGround { name } => format!("{name}: 이 판단의 결정적 근거가 아님"),
            Remark::KeyNotNamed { names } => {
                format!("답변에서 빠진 핵심 근거: {}", names.join(", "))
            }
        }
    }
    fn score_of(&self, earned: &str, possible: &str) -> String {
        format!("{possible}점 중 {earned}점")
    }

    fn table_exercise(&self) -> &'static str {
        "연습 문제"
    }
    fn table_level(&self) -> &'static str {
        "난이도"
    }
    fn table_average(&self) -> &'static str {
        "평균"
    }
    fn table_total(&self, possible: &str) -> String {
        format!("합계 ({possible}점 만점)")
    }
    fn table_percent(&self) -> &'static str {
        "백분율"
    }
    fn level(&self, l: &str) -> String {
        match l {
            "easy" => "쉬움".into(),
            "medium" => "보통".into(),
            "hard" => "어려움".into(),
            other => other.to_string(),
        }
    }

    fn training_intro(
        &self,
        n: usize,
        dir: &str,
        easy: usize,
        medium: usize,
        hard: usize,
    ) -> String {
        format!("연습 문제 {n}개: {dir} (쉬움 {easy}, 보통 {medium}, 어려움 {hard})")
    }
    fn trainee_line(&self, name: &str) -> String {
        format!("수강생: {name}")
    }
    fn how_to_answer(&self) -> &'static str {
        "각 질문에 답하십시오. 힌트를 보려면 `hint`(또는 `힌트`), 그만하려면 `quit`(또는 `그만`)을 입력하십시오."
    }
    fn exercise_heading(&self, k: usize, n: usize, level: &str, id: &str) -> String {
        format!("연습 문제 {k}/{n} ({level}): {id}")
    }
    fn facts_heading(&self) -> &'static str {
        "사실 (목록에 없는 사실은 확인되지 않은 것임):"
    }
    fn hints_available(&self, n: usize, interactive: bool) -> String {
        if interactive {
            format!("힌트가 {n}개 있습니다 (어느 질문에서든 `hint`를 입력하십시오).")
        } else {
            format!("힌트가 {n}개 있습니다.")
        }
    }
    fn your_answer(&self) -> &'static str {
        "답변:"
    }
    fn stopped(&self) -> &'static str {
        "중단했습니다."
    }
    fn hint_label(&self, k: usize) -> String {
        format!("힌트 {k}:")
    }
    fn no_more_hints(&self) -> &'static str {
        "더 이상 힌트가 없습니다."
    }
    fn class_prompt(&self, choices: &str) -> String {
        format!("법적 성격은 무엇입니까? ({choices})")
    }
    fn class_retry(&self, choices: &str) -> String {
        format!("다음 중 하나로 답하십시오: {choices}.")
    }
    fn lawful_prompt(&self) -> &'static str {
        "적법합니까? (예, 아니오, 미정)"
    }
    fn lawful_retry(&self) -> &'static str {
        "예, 아니오, 미정 중 하나로 답하십시오."
    }
    fn violations_prompt(&self) -> &'static str {
        "위반 사항은 무엇입니까? (KR-PIPA-17-1 같은 코드, 없으면 `없음`)"
    }
    fn grounds_prompt(&self) -> &'static str {
        "결정적 근거는 무엇입니까? (사실 또는 규칙 이름, 예: processing_serves)"
    }
    fn score_heading(&self) -> &'static str {
        "채점"
    }
    fn engine_reasoning_heading(&self) -> &'static str {
        "엔진의 판단 과정"
    }
    fn teaching_notes_heading(&self) -> &'static str {
        "해설"
    }
    fn session_total(
        &self,
        total: &str,
        possible: &str,
        n: usize,
        percent: Option<&str>,
    ) -> String {
        format!(
            "합계: 연습 문제 {n}개, {possible}점 중 {total}점{}",
            percent.map_or_else(String::new, |p| format!(" ({p})"))
        )
    }

    fn scores_intro(&self, trainees: usize, exercises: usize, dir: &str) -> String {
        format!(
            "점수: 수강생 {trainees}명, 연습 문제 {exercises}개 ({dir}; 문제당 4점: 법적 성격, 적법 여부, 위반 사항, 결정적 근거; - = 답변 없음)"
        )
    }
    fn not_answered(&self, ids: &str) -> String {
        format!("답변하지 않은 문제: {ids}")
    }
    fn all_right(&self) -> &'static str {
        "모든 답변이 정답임."
    }

    fn cannot_read(&self, path: &str, err: &str) -> String {
        format!("오류: {path}: 파일을 읽을 수 없습니다: {err}")
    }
    fn answers_error(&self, place: &str, p: &AnswerProblem) -> String {
        match p {
            AnswerProblem::Yaml(m) => format!("오류: {place}: 답변 파일을 읽을 수 없습니다: {m}"),
            AnswerProblem::NotLawful { answer, value } => format!(
                "오류: {place}: answers[{answer}].lawful: `{value}`: 적법 여부로 읽을 수 없는 값입니다. yes, no, unknown 중 하나로 적으십시오."
            ),
            AnswerProblem::SecondAnswer { case } => {
                format!("오류: {place}: `{case}`에 대한 답변이 두 번 있습니다.")
            }
            AnswerProblem::NestedTooDeep { max } => format!(
                "오류: {place}: 목록과 매핑이 {max}단계보다 깊게 중첩되었습니다. 답변은 낱말 하나 또는 낱말의 목록으로 쓰십시오."
            ),
        }
    }
    fn no_exercises(&self, dir: &str) -> String {
        format!("오류: {dir}에 연습 문제가 없습니다.")
    }
    fn stray_answer(&self, place: &str, id: &str, near: Option<&str>, warning: bool) -> String {
        format!(
            "{}: {place}: 이 연습 문제 묶음에 `{id}` 연습 문제가 없습니다.{}",
            if warning { "경고" } else { "오류" },
            near.map_or_else(String::new, |n| format!(" `{n}`을(를) 뜻하셨습니까?"))
        )
    }
    fn io_error(&self, err: &str) -> String {
        format!("오류: {err}")
    }

    fn lawful_typed(&self, l: Lawful) -> &'static [&'static str] {
        match l {
            Lawful::Yes => &["예", "네", "적법"],
            Lawful::No => &["아니오", "아니요", "아니", "위법"],
            Lawful::Unknown => &["미정", "모름", "알 수 없음"],
        }
    }
    fn class_typed(&self, code: &str) -> &'static [&'static str] {
        match code {
            "outsourcing" => &["처리위탁", "위탁"],
            "provision" => &["제3자 제공", "제공"],
            "joint_control" => &["공동 처리"],
            "undecided" => &["판단 유보", "유보"],
            _ => &[],
        }
    }
    fn none_typed(&self) -> &'static [&'static str] {
        &["없음"]
    }
    fn hint_typed(&self) -> &'static [&'static str] {
        &["힌트"]
    }
    fn quit_typed(&self) -> &'static [&'static str] {
        &["그만", "종료"]
    }
}
