//! A store that keeps its plans in memory in front of another store: what the server serves
//! from. Reading a 10,000-task plan from sled (and parsing it) costs more than anything a session
//! asks; kept in memory, a `load` is the encoded answer ready to send, `task` one lookup and
//! `select` one pass over an index built once.
//!
//! Every write goes to the inner store first (durable when it returns), then the kept copy is
//! brought up to date from the inner store, before `execute` returns: whoever is told of a change
//! reads it. Writes are serialised here, so copies are refreshed in the order of the commits.
//! An import, or a write that failed, drops the plan's copy; the next read builds it again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError, RwLock};

use serde_json::value::RawValue;

use super::query::{self, Selected, Selection, TaskRecord};
use super::{Actor, Command, Event, Outcome, PlanData, PlanInfo, PlanStore, Result, StoreError};
use crate::domain::{Task, TaskState, UnitRegistry};
use crate::query::TaskIndex;

/// A plan as kept.
struct Kept {
    data: PlanData,
    /// Id in ASCII upper case (ids match ignoring ASCII case) → position in `data.plan.tasks`.
    by_id: HashMap<String, usize>,
    /// Built on the first `select`.
    index: Mutex<Option<TaskIndex>>,
    /// The `load` answer, encoded on the first `load_json`.
    json: OnceLock<Arc<RawValue>>,
}

impl Kept {
    fn new(data: PlanData) -> Self {
        let by_id = data
            .plan
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.to_ascii_uppercase(), i))
            .collect();
        Kept {
            data,
            by_id,
            index: Mutex::new(None),
            json: OnceLock::new(),
        }
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(&id.trim().to_ascii_uppercase()).copied()
    }
}

/// A store whose plans are kept in memory (see the module documentation).
pub struct CachedStore<S> {
    inner: S,
    write: Mutex<()>,
    kept: RwLock<HashMap<String, Arc<RwLock<Kept>>>>,
    plans: Mutex<Option<Vec<PlanInfo>>>,
    /// `load` answers the inner store put together itself (see [`CachedStore::load_json_with`]),
    /// until the plan changes.
    answers: Mutex<HashMap<String, Arc<RawValue>>>,
    registry: UnitRegistry,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn encode_err(e: &serde_json::Error) -> StoreError {
    StoreError::Backend(format!("cannot encode the plan: {e}"))
}

impl<S: PlanStore> CachedStore<S> {
    /// Keeps the plans of `inner` in memory; `registry` resolves unit names for searches.
    pub fn new(inner: S, registry: UnitRegistry) -> Self {
        CachedStore {
            inner,
            write: Mutex::new(()),
            kept: RwLock::new(HashMap::new()),
            plans: Mutex::new(None),
            answers: Mutex::new(HashMap::new()),
            registry,
        }
    }

    /// The store behind.
    pub fn inner(&self) -> &S {
        &self.inner
    }

    /// The kept copy of `plan`, read from the inner store the first time.
    fn kept(&self, plan: &str) -> Result<Arc<RwLock<Kept>>> {
        if let Some(k) = self
            .kept
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(plan)
        {
            return Ok(Arc::clone(k));
        }
        let mut all = self.kept.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(k) = all.get(plan) {
            return Ok(Arc::clone(k));
        }
        let k = Arc::new(RwLock::new(Kept::new(self.inner.load(plan)?)));
        all.insert(plan.to_string(), Arc::clone(&k));
        Ok(k)
    }

    fn forget(&self, plan: &str) {
        self.kept
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(plan);
    }

    /// The answer to `load`: the kept copy's when there is one; else what `raw` puts together
    /// from the inner store without reading the plan into values (kept until the plan
    /// changes); else the kept copy's, reading it. `raw` runs while no write can happen, so
    /// that what it reads is one version of the plan.
    pub fn load_json_with(
        &self,
        plan: &str,
        raw: impl FnOnce(&S) -> Result<Option<String>>,
    ) -> Result<Arc<RawValue>> {
        let kept = self
            .kept
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .contains_key(plan);
        if !kept {
            let _serial = lock(&self.write);
            if let Some(answer) = lock(&self.answers).get(plan) {
                return Ok(Arc::clone(answer));
            }
            // Checked as JSON before it is sent (a damaged store is then read, and reported).
            if let Some(answer) = raw(&self.inner)?.and_then(|s| RawValue::from_string(s).ok()) {
                let answer: Arc<RawValue> = answer.into();
                lock(&self.answers).insert(plan.to_string(), Arc::clone(&answer));
                return Ok(answer);
            }
        }
        self.load_json(plan)
    }

    /// The answer to `load`, as JSON, encoded once per version of the plan.
    pub fn load_json(&self, plan: &str) -> Result<Arc<RawValue>> {
        let kept = self.kept(plan)?;
        let k = kept.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(j) = k.json.get() {
            return Ok(Arc::clone(j));
        }
        let raw: Arc<RawValue> = serde_json::value::to_raw_value(&k.data)
            .map_err(|e| encode_err(&e))?
            .into();
        Ok(Arc::clone(k.json.get_or_init(|| raw)))
    }

    /// After an update of `task`: its state as the inner store now has it.
    fn refresh_task(&self, plan: &str, task: &str) -> Result<()> {
        let Some(kept) = self
            .kept
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(plan)
            .cloned()
        else {
            return Ok(());
        };
        let mut k = kept.write().unwrap_or_else(PoisonError::into_inner);
        let Some(pos) = k.position(task) else {
            return Ok(());
        };
        let def = k.data.plan.tasks[pos].clone();
        let state: TaskState = self.inner.state(plan, &def.id)?;
        let year = k.data.plan.year;
        k.data.states.insert(def.id.clone(), state.clone());
        k.json = OnceLock::new();
        if let Some(index) = lock(&k.index).as_mut() {
            index.replace(Task::new(def, state, year), &self.registry);
        }
        Ok(())
    }
}

impl<S: PlanStore> PlanStore for CachedStore<S> {
    fn plans(&self) -> Result<Vec<PlanInfo>> {
        let active = self.inner.active()?;
        let mut plans = lock(&self.plans);
        if plans.is_none() {
            *plans = Some(self.inner.plans()?);
        }
        Ok(plans
            .iter()
            .flatten()
            .map(|p| PlanInfo {
                active: active.as_deref() == Some(p.name.as_str()),
                ..p.clone()
            })
            .collect())
    }

    fn active(&self) -> Result<Option<String>> {
        self.inner.active()
    }

    fn load(&self, plan: &str) -> Result<PlanData> {
        let kept = self.kept(plan)?;
        let k = kept.read().unwrap_or_else(PoisonError::into_inner);
        Ok(k.data.clone())
    }

    fn state(&self, plan: &str, task: &str) -> Result<TaskState> {
        self.inner.state(plan, task)
    }

    fn history(&self, plan: &str, task: Option<&str>) -> Result<Vec<Event>> {
        self.inner.history(plan, task)
    }

    fn history_after(&self, plan: &str, after: u64) -> Result<Vec<Event>> {
        self.inner.history_after(plan, after)
    }

    fn execute(&self, actor: &Actor, command: Command) -> Result<Outcome> {
        let _serial = lock(&self.write);
        let (plan, task) = match &command {
            Command::Update(u) => (Some(u.plan.clone()), Some(u.task.clone())),
            Command::Import { plan, .. } => (Some(crate::domain::text::clean(&plan.name)), None),
            Command::Desk { plan, .. } => (Some(plan.clone()), None),
            Command::SetActive { .. } => (None, None),
        };
        let result = self.inner.execute(actor, command);
        if let Some(plan) = &plan {
            lock(&self.answers).remove(plan);
        }
        match (&result, plan, task) {
            (Ok(Outcome::Updated { .. }), Some(plan), Some(task)) => {
                if self.refresh_task(&plan, &task).is_err() {
                    self.forget(&plan);
                }
            }
            (Ok(Outcome::Activated), _, _) => {}
            (_, Some(plan), _) => {
                // An import, or a failure that may have left something behind: read it again.
                self.forget(&plan);
                *lock(&self.plans) = None;
            }
            (_, None, _) => {}
        }
        result
    }

    fn last_seq(&self) -> Result<u64> {
        self.inner.last_seq()
    }

    fn may_edit(&self) -> bool {
        self.inner.may_edit()
    }

    fn backup(&self) -> Result<super::backup::Backup> {
        // Under this store's write lock: no edit passes between the copy and what it copies.
        let _guard = lock(&self.write);
        self.inner.backup()
    }

    fn task(&self, plan: &str, id: &str) -> Result<TaskRecord> {
        let kept = self.kept(plan)?;
        let k = kept.read().unwrap_or_else(PoisonError::into_inner);
        let def = k
            .position(id)
            .and_then(|i| k.data.plan.tasks.get(i))
            .ok_or_else(|| StoreError::NoSuchTask {
                plan: plan.to_string(),
                task: id.to_string(),
            })?;
        Ok(TaskRecord {
            def: def.clone(),
            state: k.data.states.get(&def.id).cloned().unwrap_or_default(),
            pillar: k.data.plan.pillar(&def.pillar).cloned(),
            year: k.data.plan.year,
            history: self.inner.history(plan, Some(&def.id))?,
        })
    }

    fn select(&self, plan: &str, selection: &Selection) -> Result<Selected> {
        let kept = self.kept(plan)?;
        let k = kept.read().unwrap_or_else(PoisonError::into_inner);
        let mut index = lock(&k.index);
        let index = index.get_or_insert_with(|| TaskIndex::new(k.data.tasks(), &self.registry));
        query::select(&k.data, index, selection, &self.registry)
    }
}
