//! The project's own JSON document: a plan with the states recorded on it, versioned, so an
//! export can be imported again without loss.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::PlanFileError;
use crate::domain::{Plan, TaskState};
use crate::file_error::FileError;

/// The value of the `format` field.
pub const FORMAT: &str = "steerdeck-plan";
/// The version this build writes and the newest it reads.
pub const VERSION: u32 = 1;

/// A plan and its recorded states, as exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanDocument {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`VERSION`] when written.
    pub version: u32,
    /// The plan.
    pub plan: Plan,
    /// Recorded states by task id.
    #[serde(default)]
    pub states: BTreeMap<String, TaskState>,
}

impl PlanDocument {
    /// A document for this plan and these states.
    pub fn new(plan: Plan, states: BTreeMap<String, TaskState>) -> Self {
        PlanDocument {
            format: FORMAT.to_string(),
            version: VERSION,
            plan,
            states,
        }
    }

    /// Reads a document, checking its format and version.
    pub fn from_json(text: &str, file: &str) -> Result<Self, PlanFileError> {
        let syntax = |e: serde_json::Error| {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or_default();
            PlanFileError::File(FileError::Syntax {
                file: file.to_string(),
                line: e.line(),
                column: e.column(),
                message: message.to_string(),
                source: Box::new(e),
            })
        };
        let head: serde_json::Value = serde_json::from_str(text).map_err(syntax)?;
        let format = head.get("format").and_then(|f| f.as_str()).unwrap_or("");
        if format != FORMAT {
            return Err(PlanFileError::WrongFormat {
                file: file.to_string(),
                found: if format.is_empty() {
                    "JSON".into()
                } else {
                    format!("'{format}'")
                },
            });
        }
        let version = head
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0);
        if version > u64::from(VERSION) {
            return Err(PlanFileError::TooNew {
                file: file.to_string(),
                found: u32::try_from(version).unwrap_or(u32::MAX),
            });
        }
        serde_json::from_str(text).map_err(syntax)
    }
}
