//! The history: every change recorded with who, when, what, from and to.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One change in the history: who changed which field of what, when, from what to what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Position in the history (increasing).
    pub seq: u64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub who: String,
    /// Which plan.
    pub plan: String,
    /// Which task (none for plan-level events such as an import).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// Which field: `status`, `progress`, `note`, `completed_on`, `title`, `import`, ...
    pub field: String,
    /// The value before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The value after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The note given with the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
