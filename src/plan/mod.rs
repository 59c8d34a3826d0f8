//! Plan files in and out: the embedded 2025 plan, and files to import (the project's TOML and
//! JSON, and CSV laid out like the appendix). Reading validates the whole file before anything is
//! written; an error names the file, the line and what is wrong.

mod csv_plan;
mod document;

use std::collections::BTreeMap;
use std::path::Path;

pub use crate::domain::text::line_col;
use crate::domain::{Plan, PlanProblem, TaskState, TimeframeReading, UnitRegistry, read_timeframe};
use crate::file_error::FileError;
use crate::i18n::Lang;

pub use csv_plan::{RowKind, RowProblem, read_csv};
pub use document::{FORMAT, PlanDocument, VERSION};

/// The 2025 plan, as transcribed in `data/plan-2025.toml`.
pub const EMBEDDED_PLAN_TOML: &str = include_str!("../../data/plan-2025.toml");

/// The plan embedded in the binary.
pub fn embedded() -> Result<Plan, PlanFileError> {
    parse_toml(EMBEDDED_PLAN_TOML, "data/plan-2025.toml").map(Plan::normalized)
}

/// Why a plan file cannot be read. Each variant says where.
#[derive(Debug, thiserror::Error)]
pub enum PlanFileError {
    /// The file cannot be read, or its text is wrong at a line and column.
    #[error(transparent)]
    File(#[from] FileError),
    /// Rows of a CSV file that cannot be read, every one of them.
    #[error("{}", rows_text(Lang::En, .file, .problems))]
    Rows {
        file: String,
        problems: Vec<RowProblem>,
    },
    #[error("{file}:{line}: {problem}")]
    Invalid {
        file: String,
        line: usize,
        problem: PlanProblem,
    },
    #[error(
        "{file}: unknown file type (expected .csv, .toml or .json; a .json file must be a steerdeck export)"
    )]
    UnknownFormat { file: String },
    #[error("{file}: this is a {found} file, not a steerdeck plan")]
    WrongFormat { file: String, found: String },
    #[error(
        "{file}: written by a newer steerdeck (format version {found}, this one reads {VERSION})"
    )]
    TooNew { file: String, found: u32 },
}

impl PlanFileError {
    /// The sentence in the interface language, with the file and the place.
    pub fn in_lang(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            PlanFileError::File(e) => e.in_lang(lang),
            PlanFileError::Rows { file, problems } => rows_text(lang, file, problems),
            PlanFileError::Invalid {
                file,
                line,
                problem,
            } => format!(
                "{file}:{line}: {}",
                crate::i18n::errors::plan_problem(lang, problem)
            ),
            PlanFileError::UnknownFormat { file } => format!(
                "{file}: không nhận ra loại tệp (cần tệp .csv, .toml hoặc .json; tệp .json phải là tệp do steerdeck xuất ra)"
            ),
            PlanFileError::WrongFormat { file, found } => {
                format!("{file}: đây là tệp {found}, không phải kế hoạch của steerdeck")
            }
            PlanFileError::TooNew { file, found } => format!(
                "{file}: tệp do phiên bản steerdeck mới hơn ghi (định dạng phiên bản {found}, phiên bản này chỉ đọc đến {VERSION})"
            ),
        }
    }
}

/// The problems of a CSV file, one a line, under a line that counts them.
fn rows_text(lang: Lang, file: &str, problems: &[RowProblem]) -> String {
    let count = problems.len();
    let head = match lang {
        Lang::Vi => format!("{file}: có {count} lỗi, chưa nhập dữ liệu nào:"),
        Lang::En => format!("{file}: {count} problem(s), nothing was imported:"),
    };
    std::iter::once(head)
        .chain(problems.iter().map(|p| p.in_lang(lang)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A plan read from a file, with the states it carried (a steerdeck export) and warnings.
#[derive(Debug, Clone)]
pub struct ReadPlan {
    /// The plan, NFC, validated.
    pub plan: Plan,
    /// Recorded states carried by the file (empty for CSV and TOML).
    pub states: BTreeMap<String, TaskState>,
    /// Things worth telling the user that do not stop the import.
    pub warnings: Vec<Warning>,
}

/// Reads a plan file by its extension. `name` overrides the plan name in the file.
pub fn read_file(
    path: &Path,
    name: Option<&str>,
    registry: &UnitRegistry,
) -> Result<ReadPlan, PlanFileError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| FileError::read(&file, e))?;
    let text = String::from_utf8(bytes).map_err(|e| FileError::not_utf8(&file, e))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let (mut plan, states) = match ext.as_deref() {
        Some("csv") => {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("plan");
            read_csv(text, &file, name.unwrap_or(stem), registry)?
        }
        Some("toml") => (parse_toml(text, &file)?, BTreeMap::new()),
        Some("json") => {
            let doc = PlanDocument::from_json(text, &file)?;
            (doc.plan, doc.states)
        }
        _ => return Err(PlanFileError::UnknownFormat { file }),
    };
    if let Some(n) = name {
        n.clone_into(&mut plan.name);
    }
    let plan = plan.normalized();
    plan.validate().map_err(|problem| PlanFileError::Invalid {
        line: problem_line(text, &problem),
        file: file.clone(),
        problem,
    })?;
    let warnings = timeframe_warnings(&plan, &file);
    Ok(ReadPlan {
        plan,
        states,
        warnings,
    })
}

/// The line where a validation problem shows in the file: where the offending id is written.
fn problem_line(text: &str, problem: &PlanProblem) -> usize {
    let needle = match problem {
        PlanProblem::DuplicateTask(id) | PlanProblem::NoTitle(id) => id.clone(),
        PlanProblem::UnknownPillar { pillar, .. } => pillar.clone(),
        PlanProblem::DuplicatePillar(key) => key.clone(),
        PlanProblem::BadTarget { id, .. } => id.clone(),
        PlanProblem::NoName | PlanProblem::EmptyId { .. } => return 1,
    };
    let quoted = format!("\"{needle}\"");
    let at = match problem {
        PlanProblem::DuplicateTask(_) | PlanProblem::DuplicatePillar(_) => {
            text.match_indices(&quoted).nth(1).map(|(i, _)| i)
        }
        _ => text.find(&quoted),
    };
    at.map_or(1, |i| line_col(text, i).0)
}

/// Something worth telling the user that does not stop an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A timeframe that gives no deadline because it could not be read.
    UnreadTimeframe {
        /// The file.
        file: String,
        /// The task's id.
        task: String,
        /// The timeframe as written.
        timeframe: String,
    },
}

impl Warning {
    /// The sentence in the interface language.
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> String {
        let Warning::UnreadTimeframe {
            file,
            task,
            timeframe,
        } = self;
        match lang {
            crate::i18n::Lang::Vi => format!(
                "{file}: nhiệm vụ {task}: không đọc được thời gian thực hiện '{timeframe}'; giữ nguyên như đã viết, không có thời hạn"
            ),
            crate::i18n::Lang::En => format!(
                "{file}: task {task}: cannot read the timeframe '{timeframe}'; kept as written, with no deadline"
            ),
        }
    }
}

/// A warning for each timeframe that gives no deadline because it could not be read.
pub fn timeframe_warnings(plan: &Plan, file: &str) -> Vec<Warning> {
    plan.tasks
        .iter()
        .filter(|t| read_timeframe(&t.timeframe, plan.year) == TimeframeReading::Unreadable)
        .map(|t| Warning::UnreadTimeframe {
            file: file.to_string(),
            task: t.id.clone(),
            timeframe: t.timeframe.clone(),
        })
        .collect()
}

/// Parses the project's TOML plan format.
pub fn parse_toml(text: &str, file: &str) -> Result<Plan, PlanFileError> {
    toml::from_str::<Plan>(text).map_err(|e| FileError::toml(file, text, e).into())
}
