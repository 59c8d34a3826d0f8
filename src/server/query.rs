//! The answers the server gives from the plans it keeps in memory (`load`, `task`, `select`),
//! and imports sent in parts: staged per connection, applied whole by `import_commit`.

use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::protocol::{ErrorKind, WireError};
use crate::domain::{Plan, TaskDef, TaskState};
use crate::store::handover::Handover;
use crate::store::{CachedStore, Command, PlanStore, SledStore};

/// The most an import in parts may stage on one connection (bytes of its requests).
pub const MAX_STAGED: usize = 1024 * 1024 * 1024;

/// An import being received on one connection.
pub(super) struct Staged {
    plan: Plan,
    states: BTreeMap<String, TaskState>,
    activate: bool,
    bytes: usize,
}

/// The `load` answer, shared, not copied: put together from the stored bytes, or encoded from
/// the plan the server keeps.
pub(super) fn load(store: &CachedStore<SledStore>, plan: &str) -> Result<Arc<RawValue>, WireError> {
    store
        .load_json_with(plan, |sled| sled.load_json(plan))
        .map_err(|e| WireError::from_store(&e))
}

/// `import_begin`: a new staged import (dropping one not committed).
pub(super) fn begin(staged: &mut Option<Staged>, plan: Plan, activate: bool, bytes: usize) {
    *staged = Some(Staged {
        plan,
        states: BTreeMap::new(),
        activate,
        bytes,
    });
}

/// `import_more`: more tasks and states for the staged import.
pub(super) fn more(
    staged: &mut Option<Staged>,
    tasks: Vec<TaskDef>,
    states: BTreeMap<String, TaskState>,
    bytes: usize,
) -> Result<(), WireError> {
    let Some(s) = staged.as_mut() else {
        return Err(no_import());
    };
    s.bytes = s.bytes.saturating_add(bytes);
    if s.bytes > MAX_STAGED {
        *staged = None;
        return Err(WireError::new(
            ErrorKind::TooLong,
            format!(
                "the import is larger than {} MiB; nothing was saved",
                MAX_STAGED / 1024 / 1024
            ),
        ));
    }
    s.plan.tasks.extend(tasks);
    s.states.extend(states);
    Ok(())
}

/// `import_commit`: the staged import as one command (the staging is over either way).
pub(super) fn commit(staged: &mut Option<Staged>) -> Result<Command, WireError> {
    let s = staged.take().ok_or_else(no_import)?;
    Ok(Command::Import {
        plan: s.plan,
        states: s.states,
        activate: s.activate,
    })
}

fn no_import() -> WireError {
    WireError::new(
        ErrorKind::BadRequest,
        "no import was begun on this connection (send import_begin first)",
    )
}

/// What a clean close leaves for the next start: the active plan's `load` answer (see
/// `store::handover`). None when there is no active plan or it cannot be read.
pub(super) fn handover(store: &CachedStore<SledStore>) -> Option<Handover> {
    let plan = store.active().ok()??;
    let answer = load(store, &plan).ok()?;
    Some(Handover {
        last_seq: store.last_seq().ok()?,
        store: store.inner().id().to_string(),
        answer: Arc::new(answer.get().as_bytes().to_vec()),
        plan,
    })
}

/// Prepares the active plan's `load` answer (at start, while the first session says hello).
pub(super) fn warm_active(store: &CachedStore<SledStore>) {
    if let Ok(Some(plan)) = store.active() {
        let _ = load(store, &plan);
    }
}
