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

pub use csv_plan::read_csv;
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
    #[error("{file}: {count} problem(s), nothing was imported:\n{}", .problems.join("\n"))]
    Rows {
        file: String,
        count: usize,
        problems: Vec<String>,
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
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let message = "the file is not UTF-8 text (save it as UTF-8)";
        FileError::syntax_at(&file, &lossy, offset, message, e)
    })?;
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
