//! The in-memory twin of the sled store: same behaviour, nothing on disk. For tests, and for
//! trying things out without touching a store.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

use super::apply::{StoredPlan, Tables, Writes, execute};
use super::{Actor, Clock, Command, Event, Outcome, PlanData, PlanInfo, PlanStore, Result};
use super::{StoreError, system_clock};
use crate::domain::TaskState;

#[derive(Default)]
struct Inner {
    active: Option<String>,
    plans: BTreeMap<String, StoredPlan>,
    states: BTreeMap<(String, String), TaskState>,
    events: Vec<Event>,
    desks: BTreeMap<String, crate::domain::Desk>,
}

/// A store that lives in memory.
pub struct MemoryStore {
    inner: Mutex<Inner>,
    clock: Clock,
}

impl Default for MemoryStore {
    fn default() -> Self {
        Self::new()
    }
}

impl MemoryStore {
    /// An empty store on the system clock.
    pub fn new() -> Self {
        Self::with_clock(system_clock())
    }

    /// An empty store whose events are stamped by `clock`.
    pub fn with_clock(clock: Clock) -> Self {
        MemoryStore {
            inner: Mutex::new(Inner::default()),
            clock,
        }
    }

    fn lock(&self) -> Result<MutexGuard<'_, Inner>> {
        self.inner
            .lock()
            .map_err(|_| StoreError::Backend("the in-memory store was poisoned by a panic".into()))
    }
}

struct Locked<'a>(std::cell::RefCell<MutexGuard<'a, Inner>>);

impl Tables for Locked<'_> {
    fn plan(&self, name: &str) -> Result<Option<StoredPlan>> {
        Ok(self.0.borrow().plans.get(name).cloned())
    }
    fn state(&self, plan: &str, task: &str) -> Result<Option<TaskState>> {
        let key = (plan.to_string(), task.to_string());
        Ok(self.0.borrow().states.get(&key).cloned())
    }
    fn last_seq(&self) -> Result<u64> {
        Ok(self.0.borrow().events.last().map_or(0, |e| e.seq))
    }
    fn task_events(&self, plan: &str, task: &str) -> Result<Vec<Event>> {
        Ok(filter_events(&self.0.borrow().events, plan, Some(task)))
    }
    fn desk(&self, plan: &str) -> Result<crate::domain::Desk> {
        Ok(self.0.borrow().desks.get(plan).cloned().unwrap_or_default())
    }
    fn states(&self, plan: &str) -> Result<BTreeMap<String, TaskState>> {
        Ok(states_of(&self.0.borrow(), plan))
    }
    fn commit(&self, w: Writes) -> Result<()> {
        let mut inner = self.0.borrow_mut();
        if let Some((plan, desk)) = w.desk {
            inner.desks.insert(plan, desk);
        }
        if let Some(p) = w.plan {
            inner.plans.insert(p.plan.name.clone(), p);
        }
        for (plan, task, state) in w.states {
            inner.states.insert((plan, task), state);
        }
        inner.events.extend(w.events);
        if let Some(a) = w.active {
            inner.active = Some(a);
        }
        Ok(())
    }
}

fn states_of(inner: &Inner, plan: &str) -> BTreeMap<String, TaskState> {
    inner
        .states
        .iter()
        .filter(|((p, _), _)| p == plan)
        .map(|((_, t), s)| (t.clone(), s.clone()))
        .collect()
}

fn filter_events(events: &[Event], plan: &str, task: Option<&str>) -> Vec<Event> {
    events
        .iter()
        .filter(|e| e.plan == plan && task.is_none_or(|t| e.task.as_deref() == Some(t)))
        .cloned()
        .collect()
}

impl PlanStore for MemoryStore {
    fn plans(&self) -> Result<Vec<PlanInfo>> {
        let inner = self.lock()?;
        Ok(inner
            .plans
            .values()
            .map(|s| PlanInfo {
                name: s.plan.name.clone(),
                title: s.plan.title.clone(),
                tasks: s.plan.tasks.len(),
                active: inner.active.as_deref() == Some(s.plan.name.as_str()),
            })
            .collect())
    }

    fn active(&self) -> Result<Option<String>> {
        Ok(self.lock()?.active.clone())
    }

    fn load(&self, plan: &str) -> Result<PlanData> {
        let inner = self.lock()?;
        let stored = inner
            .plans
            .get(plan)
            .ok_or_else(|| StoreError::NoSuchPlan(plan.to_string()))?;
        Ok(PlanData {
            plan: stored.plan.clone(),
            states: states_of(&inner, plan),
            archived: stored.archived.clone(),
            desk: inner.desks.get(plan).cloned().unwrap_or_default(),
        }
        .with_desk())
    }

    fn state(&self, plan: &str, task: &str) -> Result<TaskState> {
        let inner = self.lock()?;
        let key = (plan.to_string(), task.to_string());
        Ok(inner.states.get(&key).cloned().unwrap_or_default())
    }

    fn history(&self, plan: &str, task: Option<&str>) -> Result<Vec<Event>> {
        let inner = self.lock()?;
        let task = match (task, inner.plans.get(plan)) {
            (Some(t), Some(s)) => Some(super::apply::task_id(s, plan, t).unwrap_or(t.to_string())),
            (t, _) => t.map(str::to_string),
        };
        Ok(filter_events(&inner.events, plan, task.as_deref()))
    }

    fn execute(&self, actor: &Actor, command: Command) -> Result<Outcome> {
        let now = (self.clock)();
        let tables = Locked(std::cell::RefCell::new(self.lock()?));
        execute(&tables, actor, command, now)
    }

    fn last_seq(&self) -> Result<u64> {
        Ok(self.lock()?.events.last().map_or(0, |e| e.seq))
    }
}
