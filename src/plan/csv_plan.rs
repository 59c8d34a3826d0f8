//! CSV laid out like the plan's appendix:
//!
//! ```text
//! TT, Tên nhiệm vụ, Thời gian thực hiện, Đơn vị chủ trì, Đơn vị phối hợp, Nguồn kinh phí, Ghi chú
//! I, TĂNG CƯỜNG CÔNG TÁC LÃNH ĐẠO ...          <- a Roman numeral starts a section (pillar)
//! 1, Xây dựng Kế hoạch ..., Quý I/2025, Cục CNTT, , Không sử dụng kinh phí,
//! TT, Tên dự án, ...                            <- a second header starts the investment projects
//! 1, Thực hiện nhiệm vụ chuẩn bị đầu tư ..., Năm 2025, Cục CNTT, Cục KHTC, Ngân sách Nhà nước,
//! ```
//!
//! Comma or semicolon separated (Excel in a Vietnamese locale writes semicolons). Every row is
//! checked; all problems are reported together, with their line numbers.

use std::collections::BTreeMap;

use super::PlanFileError;
use crate::domain::text::clean;
use crate::domain::{Pillar, Plan, Status, TaskDef, TaskState, UnitRegistry};
use crate::i18n::Lang;

const COLUMNS: usize = 7;

/// The standard pillar keys by section numeral, with English labels.
const PILLARS: [(&str, &str, &str); 9] = [
    ("I", "leadership", "Leadership, direction and oversight"),
    ("II", "institutions", "Digital institutions and policy"),
    ("III", "digital-government", "Digital government"),
    ("IV", "data", "Digital data"),
    ("V", "digital-economy", "Digital economy and society"),
    ("VI", "workforce", "Digital workforce"),
    ("VII", "infrastructure", "Digital infrastructure"),
    ("VIII", "security", "Network and information security"),
    ("IX", "awareness", "Awareness and communication"),
];

/// The line of a quote that opens a cell and is never closed (the csv reader would silently
/// swallow the rest of the file into that cell).
fn unclosed_quote(text: &str) -> Option<u64> {
    let mut line = 1;
    let mut opened_at = None;
    for c in text.chars() {
        match c {
            '"' => {
                opened_at = if opened_at.is_some() {
                    None
                } else {
                    Some(line)
                }
            }
            '\n' => line += 1,
            _ => {}
        }
    }
    opened_at
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

fn is_header(cells: &[String]) -> bool {
    cells.first().is_some_and(|c| c.eq_ignore_ascii_case("TT"))
        && cells.get(1).is_some_and(|c| {
            let c = c.to_lowercase();
            c.starts_with("tên") || c == "task" || c == "project"
        })
}

/// Where a header row puts the recorded state that `export --format csv` writes after the
/// appendix's columns (in either language).
#[derive(Debug, Clone, Copy, Default)]
struct StateColumns {
    status: Option<usize>,
    progress: Option<usize>,
    done_on: Option<usize>,
    /// Columns past the appendix's that hold known, ignored things (deadline, timeliness,
    /// notes): derived or kept in the history, not read back.
    known: usize,
}

impl StateColumns {
    fn of(header: &[String]) -> Self {
        let mut c = StateColumns::default();
        for (i, h) in header.iter().enumerate().skip(COLUMNS) {
            let h = h.to_lowercase();
            match h.as_str() {
                "trạng thái" | "status" => c.status = Some(i),
                "tiến độ (%)" | "progress (%)" => c.progress = Some(i),
                "ngày hoàn thành" | "done on" => c.done_on = Some(i),
                "thời hạn"
                | "deadline"
                | "đánh giá thời hạn"
                | "timeliness"
                | "ý kiến, kết luận"
                | "notes and conclusions" => {}
                _ => continue,
            }
            c.known = c.known.max(i + 1);
        }
        c
    }
}

/// A status written as a word in either language, or as its key.
fn status_word(text: &str) -> Option<Status> {
    let t = text.trim().to_lowercase();
    Status::ALL.into_iter().find(|s| {
        [Lang::Vi, Lang::En]
            .iter()
            .any(|l| l.status(*s).to_lowercase() == t)
            || s.key() == t
    })
}

/// A cell as written, without the `'` that our CSV puts before a cell that would otherwise be
/// taken for a formula.
fn unguarded(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// One problem of a CSV plan file, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The 1-based line, when the problem is on one.
    pub line: Option<u64>,
    /// What is wrong.
    pub kind: RowKind,
}

/// What is wrong with a CSV plan file at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    /// A quote opens a cell and is never closed.
    UnclosedQuote,
    /// The CSV reader refused the line (its own message).
    Csv(String),
    /// The first row is not the appendix's header.
    NoHeader,
    /// No task row in the whole file.
    NoTaskRows,
    /// More cells with text than there are columns.
    TooManyColumns { found: usize, max: usize },
    /// The TT cell is empty.
    EmptyTt,
    /// The TT cell is neither a Roman numeral nor a number (as written).
    BadTt(String),
    /// A section row without its heading.
    SectionWithoutHeading(String),
    /// The same section twice.
    SectionTwice(String),
    /// A task row before any section row (its number).
    TaskBeforeSection(String),
    /// A task without a title (its id).
    NoTitle(String),
    /// The same task twice (its id).
    TaskTwice(String),
    /// A status cell that is no status.
    BadStatus { task: String, value: String },
    /// A progress cell that is not 0 to 100.
    BadProgress { task: String, value: String },
    /// A day done on a task that is not done.
    DoneOnNotDone { task: String, day: String },
    /// A day-done cell that is not a day.
    BadDay { task: String, day: String },
}

impl RowProblem {
    fn at(line: u64, kind: RowKind) -> Self {
        RowProblem {
            line: Some(line),
            kind,
        }
    }

    /// The sentence in the interface language, with the line.
    pub fn in_lang(&self, lang: Lang) -> String {
        let what = self.kind.in_lang(lang);
        match (self.line, lang) {
            (Some(line), Lang::Vi) => format!("dòng {line}: {what}"),
            (Some(line), Lang::En) => format!("line {line}: {what}"),
            (None, _) => what,
        }
    }
}

impl RowKind {
    /// What is wrong, without the line, in the interface language.
    pub fn in_lang(&self, lang: Lang) -> String {
        let statuses = || Status::ALL.map(|s| Lang::Vi.status(s)).join(", ");
        match lang {
            Lang::En => match self {
                RowKind::UnclosedQuote => {
                    "a quote (\") opens a cell here and is never closed".into()
                }
                RowKind::Csv(m) => m.clone(),
                RowKind::NoHeader => "expected the header row 'TT, Tên nhiệm vụ, Thời gian thực hiện, Đơn vị chủ trì, Đơn vị phối hợp, Nguồn kinh phí, Ghi chú'".into(),
                RowKind::NoTaskRows => "the file has no task rows".into(),
                RowKind::TooManyColumns { found, max } => {
                    format!("{found} columns, expected at most {max}")
                }
                RowKind::EmptyTt => "the TT column is empty".into(),
                RowKind::BadTt(tt) => format!(
                    "TT '{tt}' is neither a section numeral (I, II, ...) nor a task number"
                ),
                RowKind::SectionWithoutHeading(n) => format!("section {n} has no heading"),
                RowKind::SectionTwice(n) => format!("section {n} appears twice"),
                RowKind::TaskBeforeSection(n) => {
                    format!("task {n} comes before any section row (I, II, ...)")
                }
                RowKind::NoTitle(id) => {
                    format!("task {id} has no title (column 'Tên nhiệm vụ')")
                }
                RowKind::TaskTwice(id) => format!("task {id} appears twice"),
                RowKind::BadStatus { task, value } => {
                    format!("task {task}: '{value}' is not a status ({})", statuses())
                }
                RowKind::BadProgress { task, value } => {
                    format!("task {task}: progress '{value}' is not a number from 0 to 100")
                }
                RowKind::DoneOnNotDone { task, day } => {
                    format!("task {task}: a day done ('{day}') on a task that is not done")
                }
                RowKind::BadDay { task, day } => {
                    format!("task {task}: '{day}' is not a day (dd/mm/yyyy)")
                }
            },
            Lang::Vi => match self {
                RowKind::UnclosedQuote => {
                    "một dấu ngoặc kép (\") mở ô tại đây nhưng không được đóng lại".into()
                }
                RowKind::Csv(m) => format!("không đọc được dòng CSV: {m}"),
                RowKind::NoHeader => "dòng đầu phải là dòng tiêu đề 'TT, Tên nhiệm vụ, Thời gian thực hiện, Đơn vị chủ trì, Đơn vị phối hợp, Nguồn kinh phí, Ghi chú'".into(),
                RowKind::NoTaskRows => "tệp không có dòng nhiệm vụ nào".into(),
                RowKind::TooManyColumns { found, max } => {
                    format!("có {found} cột, nhiều hơn mức tối đa {max} cột")
                }
                RowKind::EmptyTt => "cột TT để trống".into(),
                RowKind::BadTt(tt) => format!(
                    "TT '{tt}' không phải số La Mã của một phần (I, II, ...) cũng không phải số thứ tự nhiệm vụ"
                ),
                RowKind::SectionWithoutHeading(n) => format!("phần {n} không có tiêu đề"),
                RowKind::SectionTwice(n) => format!("phần {n} xuất hiện hai lần"),
                RowKind::TaskBeforeSection(n) => {
                    format!("nhiệm vụ {n} đứng trước mọi dòng tiêu đề phần (I, II, ...)")
                }
                RowKind::NoTitle(id) => {
                    format!("nhiệm vụ {id} chưa có tên (cột 'Tên nhiệm vụ')")
                }
                RowKind::TaskTwice(id) => format!("nhiệm vụ {id} xuất hiện hai lần"),
                RowKind::BadStatus { task, value } => format!(
                    "nhiệm vụ {task}: '{value}' không phải là một trạng thái ({})",
                    statuses()
                ),
                RowKind::BadProgress { task, value } => format!(
                    "nhiệm vụ {task}: tiến độ '{value}' không phải là một số từ 0 đến 100"
                ),
                RowKind::DoneOnNotDone { task, day } => format!(
                    "nhiệm vụ {task}: có ngày hoàn thành ('{day}') nhưng nhiệm vụ chưa hoàn thành"
                ),
                RowKind::BadDay { task, day } => {
                    format!("nhiệm vụ {task}: '{day}' không phải là một ngày (dd/mm/yyyy)")
                }
            },
        }
    }
}

struct Reader<'a> {
    registry: &'a UnitRegistry,
    plan: Plan,
    problems: Vec<RowProblem>,
    in_projects: bool,
    columns: StateColumns,
    states: BTreeMap<String, TaskState>,
}

/// Reads a plan from CSV text, with the states a steerdeck CSV export carries. `name` becomes
/// the plan's name.
pub fn read_csv(
    text: &str,
    file: &str,
    name: &str,
    registry: &UnitRegistry,
) -> Result<(Plan, BTreeMap<String, TaskState>), PlanFileError> {
    if let Some(line) = unclosed_quote(text) {
        return Err(PlanFileError::Rows {
            file: file.to_string(),
            problems: vec![RowProblem::at(line, RowKind::UnclosedQuote)],
        });
    }
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut r = Reader {
        registry,
        plan: Plan {
            name: name.to_string(),
            title: name.to_string(),
            decision: String::new(),
            year: name.parse().ok().filter(|y| (1900..=2200).contains(y)),
            pillars: Vec::new(),
            tasks: Vec::new(),
            targets: Vec::new(),
        },
        problems: Vec::new(),
        in_projects: false,
        columns: StateColumns::default(),
        states: BTreeMap::new(),
    };
    let mut saw_header = false;
    for record in csv.records() {
        let record = match record {
            Ok(rec) => rec,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                r.problems
                    .push(RowProblem::at(line, RowKind::Csv(e.to_string())));
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let cells: Vec<String> = record.iter().map(|c| unguarded(&clean(c))).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if is_header(&cells) {
            if saw_header {
                r.start_projects();
            }
            saw_header = true;
            r.columns = StateColumns::of(&cells);
            continue;
        }
        if !saw_header {
            r.problems.push(RowProblem::at(line, RowKind::NoHeader));
            break;
        }
        r.row(line, &cells);
    }
    if r.plan.tasks.is_empty() && r.problems.is_empty() {
        r.problems.push(RowProblem {
            line: None,
            kind: RowKind::NoTaskRows,
        });
    }
    if r.problems.is_empty() {
        Ok((r.plan, r.states))
    } else {
        Err(PlanFileError::Rows {
            file: file.to_string(),
            problems: r.problems,
        })
    }
}

impl Reader<'_> {
    fn start_projects(&mut self) {
        self.in_projects = true;
        self.plan.pillars.push(Pillar {
            key: "projects".into(),
            numeral: String::new(),
            vi: "Dự án đầu tư".into(),
            en: "Investment projects".into(),
        });
    }

    fn row(&mut self, line: u64, cells: &[String]) {
        let width = COLUMNS.max(self.columns.known);
        if cells.len() > width && cells[width..].iter().any(|c| !c.is_empty()) {
            self.problems.push(RowProblem::at(
                line,
                RowKind::TooManyColumns {
                    found: cells.len(),
                    max: width,
                },
            ));
            return;
        }
        let tt = cells[0].trim_end_matches('.');
        let cell = |i: usize| cells.get(i).cloned().unwrap_or_default();
        if is_roman(tt) && !self.in_projects {
            self.section(line, tt, &cell(1));
        } else if tt.parse::<u32>().is_ok() {
            self.task(line, tt, cells);
        } else if tt.is_empty() {
            self.problems.push(RowProblem::at(line, RowKind::EmptyTt));
        } else {
            self.problems
                .push(RowProblem::at(line, RowKind::BadTt(cells[0].clone())));
        }
    }

    fn section(&mut self, line: u64, numeral: &str, heading: &str) {
        if heading.is_empty() {
            self.problems.push(RowProblem::at(
                line,
                RowKind::SectionWithoutHeading(numeral.to_string()),
            ));
        }
        let (key, en) = PILLARS.iter().find(|(n, _, _)| *n == numeral).map_or_else(
            || {
                (
                    format!("section-{}", numeral.to_lowercase()),
                    heading.to_string(),
                )
            },
            |(_, k, en)| ((*k).to_string(), (*en).to_string()),
        );
        if self.plan.pillars.iter().any(|p| p.key == key) {
            self.problems.push(RowProblem::at(
                line,
                RowKind::SectionTwice(numeral.to_string()),
            ));
            return;
        }
        self.plan.pillars.push(Pillar {
            key,
            numeral: numeral.to_string(),
            vi: heading.to_string(),
            en,
        });
    }

    fn task(&mut self, line: u64, number: &str, cells: &[String]) {
        let Some(pillar) = self.plan.pillars.last() else {
            self.problems.push(RowProblem::at(
                line,
                RowKind::TaskBeforeSection(number.to_string()),
            ));
            return;
        };
        let pillar_key = pillar.key.clone();
        let id = if self.in_projects {
            format!("P.{number}")
        } else {
            format!("{}.{number}", pillar.numeral)
        };
        let cell = |i: usize| cells.get(i).cloned().unwrap_or_default();
        let title = cell(1);
        if title.is_empty() {
            self.problems
                .push(RowProblem::at(line, RowKind::NoTitle(id.clone())));
        }
        if self.plan.tasks.iter().any(|t| t.id == id) {
            self.problems
                .push(RowProblem::at(line, RowKind::TaskTwice(id)));
            return;
        }
        let opt = |s: String| Some(s).filter(|s| !s.is_empty());
        if let Some(state) = self.state(line, &id, cells) {
            self.states.insert(id.clone(), state);
        }
        self.plan.tasks.push(TaskDef {
            id,
            pillar: pillar_key,
            title,
            timeframe: cell(2),
            lead: self.registry.split_cell(&cell(3)),
            support: self.registry.split_cell(&cell(4)),
            funding: opt(cell(5)),
            remark: opt(cell(6)),
        });
    }
}

impl Reader<'_> {
    /// The recorded state in the state columns of a task row, if any is written there.
    fn state(&mut self, line: u64, id: &str, cells: &[String]) -> Option<TaskState> {
        let cols = self.columns;
        let cell = |i: Option<usize>| {
            i.and_then(|i| cells.get(i))
                .map(String::as_str)
                .filter(|c| !c.is_empty())
        };
        let mut state = TaskState::default();
        if let Some(s) = cell(cols.status) {
            match status_word(s) {
                Some(s) => state.status = s,
                None => self.problems.push(RowProblem::at(
                    line,
                    RowKind::BadStatus {
                        task: id.to_string(),
                        value: s.to_string(),
                    },
                )),
            }
        }
        if let Some(p) = cell(cols.progress) {
            match p.trim_end_matches('%').trim().parse::<u8>() {
                Ok(p) if p <= 100 => state.progress = p,
                _ => self.problems.push(RowProblem::at(
                    line,
                    RowKind::BadProgress {
                        task: id.to_string(),
                        value: p.to_string(),
                    },
                )),
            }
        }
        if let Some(d) = cell(cols.done_on) {
            match crate::domain::day::parse_day(d) {
                Some(d) if state.status == Status::Done => state.completed_on = Some(d),
                Some(_) => self.problems.push(RowProblem::at(
                    line,
                    RowKind::DoneOnNotDone {
                        task: id.to_string(),
                        day: d.to_string(),
                    },
                )),
                None => self.problems.push(RowProblem::at(
                    line,
                    RowKind::BadDay {
                        task: id.to_string(),
                        day: d.to_string(),
                    },
                )),
            }
        }
        (state != TaskState::default()).then_some(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "TT,Tên nhiệm vụ,Thời gian thực hiện,Đơn vị chủ trì,Đơn vị phối hợp,Nguồn kinh phí,Ghi chú\n";

    fn read(body: &str) -> Result<Plan, PlanFileError> {
        read_csv(
            &format!("{HEADER}{body}"),
            "t.csv",
            "2026",
            &UnitRegistry::embedded().expect("embedded registry"),
        )
        .map(|(plan, _)| plan)
    }

    #[test]
    fn sections_tasks_and_projects() {
        let plan = read(
            "I,LÃNH ĐẠO,,,,,\n1,Việc một,Quý I/2026,Cục CNTT,\"- Văn phòng Bộ; - Cục KHTC\",,\n\
             2,Việc hai,Năm 2026,Cục CNTT Cục HTQTCT,,Ngân sách Nhà nước,\n\
             TT,Tên dự án,Thời gian thực hiện,Đơn vị chủ trì,Đơn vị phối hợp,Nguồn kinh phí,Ghi chú\n\
             1,Dự án một,Năm 2026,Cục CNTT,,,\n",
        )
        .expect("valid");
        assert_eq!(plan.year, Some(2026));
        let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["I.1", "I.2", "P.1"]);
        assert_eq!(plan.tasks[0].pillar, "leadership");
        assert_eq!(plan.tasks[0].support, ["Văn phòng Bộ", "Cục KHTC"]);
        assert_eq!(plan.tasks[1].lead, ["Cục CNTT", "Cục HTQTCT"]);
        assert_eq!(plan.tasks[0].funding, None);
        assert_eq!(plan.tasks[2].pillar, "projects");
    }

    #[test]
    fn semicolon_separated_files_are_read() {
        let text = "TT;Tên nhiệm vụ;Thời gian thực hiện;Đơn vị chủ trì;Đơn vị phối hợp;Nguồn kinh phí;Ghi chú\nI;Một;;;;;\n1;Việc;Năm 2026;Cục CNTT;;;\n";
        let plan = read_csv(
            text,
            "t.csv",
            "x",
            &UnitRegistry::embedded().expect("embedded registry"),
        )
        .expect("valid")
        .0;
        assert_eq!(plan.tasks[0].lead, ["Cục CNTT"]);
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let err = read(
            "1,Trước mục,Năm 2026,,,,\nI,Mục,,,,,\nx,Lạ,,,,,\n2,,Năm 2026,,,,\n2,Trùng,,,,,\n",
        )
        .expect_err("invalid");
        let msg = err.to_string();
        assert!(
            msg.contains("line 2: task 1 comes before any section"),
            "{msg}"
        );
        assert!(msg.contains("line 4: TT 'x' is neither"), "{msg}");
        assert!(msg.contains("line 5: task I.2 has no title"), "{msg}");
        assert!(msg.contains("line 6: task I.2 appears twice"), "{msg}");
        assert!(msg.starts_with("t.csv: 4 problem(s)"), "{msg}");
    }

    #[test]
    fn bad_state_cells_read_in_either_language() {
        let header = "TT,Tên nhiệm vụ,Thời gian thực hiện,Đơn vị chủ trì,Đơn vị phối hợp,Nguồn kinh phí,Ghi chú,Trạng thái,Tiến độ (%),Ngày hoàn thành\n";
        let err = read_csv(
            &format!("{header}I,Mục,,,,,,,,\n1,Việc,Năm 2026,,,,,xong rồi,150,32/13/2026\n2,Việc hai,Năm 2026,,,,,,,01/02/2026\nII,,,,,,,,,\n"),
            "t.csv",
            "2026",
            &UnitRegistry::embedded().expect("embedded registry"),
        )
        .expect_err("invalid");
        let en = err.in_lang(Lang::En);
        assert_eq!(en, err.to_string());
        for want in [
            "t.csv: 5 problem(s), nothing was imported:",
            "line 3: task I.1: 'xong rồi' is not a status (",
            "line 3: task I.1: progress '150' is not a number from 0 to 100",
            "line 3: task I.1: '32/13/2026' is not a day (dd/mm/yyyy)",
            "line 4: task I.2: a day done ('01/02/2026') on a task that is not done",
            "line 5: section II has no heading",
        ] {
            assert!(en.contains(want), "{want} in {en}");
        }
        let vi = err.in_lang(Lang::Vi);
        for want in [
            "t.csv: có 5 lỗi, chưa nhập dữ liệu nào:",
            "dòng 3: nhiệm vụ I.1: 'xong rồi' không phải là một trạng thái (Chưa thực hiện, ",
            "dòng 3: nhiệm vụ I.1: tiến độ '150' không phải là một số từ 0 đến 100",
            "dòng 3: nhiệm vụ I.1: '32/13/2026' không phải là một ngày (dd/mm/yyyy)",
            "dòng 4: nhiệm vụ I.2: có ngày hoàn thành ('01/02/2026') nhưng nhiệm vụ chưa hoàn thành",
            "dòng 5: phần II không có tiêu đề",
        ] {
            assert!(vi.contains(want), "{want} in {vi}");
        }
        let problems = match &err {
            PlanFileError::Rows { problems, .. } => problems.clone(),
            _ => Vec::new(),
        };
        assert_eq!(
            problems.get(1).cloned(),
            Some(RowProblem::at(
                3,
                RowKind::BadProgress {
                    task: "I.1".into(),
                    value: "150".into()
                }
            ))
        );
    }

    #[test]
    fn other_row_problems_read_in_either_language() {
        let cases = [
            (
                RowKind::EmptyTt,
                "the TT column is empty",
                "cột TT để trống",
            ),
            (
                RowKind::SectionTwice("I".into()),
                "section I appears twice",
                "phần I xuất hiện hai lần",
            ),
            (
                RowKind::Csv("bad".into()),
                "bad",
                "không đọc được dòng CSV: bad",
            ),
        ];
        for (kind, en, vi) in cases {
            let p = RowProblem::at(7, kind);
            assert_eq!(p.in_lang(Lang::En), format!("line 7: {en}"));
            assert_eq!(p.in_lang(Lang::Vi), format!("dòng 7: {vi}"));
        }
        let none = RowProblem {
            line: None,
            kind: RowKind::NoTaskRows,
        };
        assert_eq!(none.in_lang(Lang::En), "the file has no task rows");
        assert_eq!(none.in_lang(Lang::Vi), "tệp không có dòng nhiệm vụ nào");
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        let err = read("I,Mục,,,,,\n1,\"Việc,Năm 2026,,,,\n2,Việc khác,Năm 2026,,,,\n")
            .expect_err("unclosed");
        assert!(err.to_string().contains("line 3: a quote"), "{err}");
        // A quoted cell over several lines is fine.
        let plan = read("I,Mục,,,,,\n1,Việc,Năm 2026,\"- Cục CNTT;\n- Văn phòng Bộ\",,,\n")
            .expect("valid");
        assert_eq!(plan.tasks[0].lead, ["Cục CNTT", "Văn phòng Bộ"]);
    }

    #[test]
    fn a_file_without_header_is_refused() {
        let err = read_csv(
            "1,a,b\n",
            "t.csv",
            "x",
            &UnitRegistry::embedded().expect("embedded registry"),
        )
        .expect_err("no header");
        assert!(
            err.to_string().contains("line 1: expected the header row"),
            "{err}"
        );
    }
}
