//! A plan as the committee adopted it: pillars, tasks, targets. The definition only; what the
//! secretariat records during the year lives in [`crate::domain::TaskState`].

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

use super::text::{clean, nfc};

/// A plan: one year's (or one revision's) list of tasks, grouped by pillar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Short key used on the command line (`--plan 2025`).
    pub name: String,
    /// Full title.
    pub title: String,
    /// The decision that adopted it.
    #[serde(default)]
    pub decision: String,
    /// The plan's year: fills in timeframes that leave the year out.
    #[serde(default)]
    pub year: Option<i32>,
    /// The pillars (sections of the appendix), in document order.
    pub pillars: Vec<Pillar>,
    /// The tasks, in document order.
    pub tasks: Vec<TaskDef>,
    /// The year's quantitative targets.
    #[serde(default)]
    pub targets: Vec<Kpi>,
}

/// A section of the plan (I. leadership, II. institutions, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pillar {
    /// Stable key (`digital-government`).
    pub key: String,
    /// The Roman numeral of the section ("" for the project table).
    #[serde(default)]
    pub numeral: String,
    /// Vietnamese label.
    pub vi: String,
    /// English label.
    pub en: String,
}

/// One task or project as written in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskDef {
    /// Id following the document: `III.3`, `P.1`.
    pub id: String,
    /// Key of its pillar.
    pub pillar: String,
    /// What is to be done.
    pub title: String,
    /// The timeframe as written ("Quý I- II/2025").
    pub timeframe: String,
    /// Lead units, each as written.
    #[serde(default)]
    pub lead: Vec<String>,
    /// Supporting units, each as written.
    #[serde(default)]
    pub support: Vec<String>,
    /// Funding source as written, when the cell has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<String>,
    /// The "Ghi chú" column, when it has text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

/// A quantitative target of the plan (a "chỉ tiêu").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    /// `T.1` ...
    pub id: String,
    /// The target as written.
    pub title: String,
    /// Target value in percent.
    pub target: f64,
    /// The previous year's figure in percent, where the plan gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// Where the baseline comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_source: Option<String>,
}

/// What makes a plan unusable, found by [`Plan::validate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanProblem {
    #[error("the plan has no name")]
    NoName,
    #[error("task {index}: the id is empty")]
    EmptyId { index: usize },
    #[error("task '{0}' appears twice")]
    DuplicateTask(String),
    #[error("task '{task}' names pillar '{pillar}', which the plan does not define")]
    UnknownPillar { task: String, pillar: String },
    #[error("pillar '{0}' is defined twice")]
    DuplicatePillar(String),
    #[error("task '{0}' has no title")]
    NoTitle(String),
    #[error("target '{id}': the value {value} is not a percentage between 0 and 100")]
    BadTarget { id: String, value: String },
}

impl Plan {
    /// The pillar with this key.
    pub fn pillar(&self, key: &str) -> Option<&Pillar> {
        self.pillars.iter().find(|p| p.key == key)
    }

    /// The task with this id (ids compare case-insensitively).
    pub fn task(&self, id: &str) -> Option<&TaskDef> {
        self.tasks.iter().find(|t| t.id.eq_ignore_ascii_case(id))
    }

    /// Checks the plan is coherent: unique ids, known pillars, titles present.
    pub fn validate(&self) -> Result<(), PlanProblem> {
        if self.name.trim().is_empty() {
            return Err(PlanProblem::NoName);
        }
        let mut pillars = HashSet::new();
        for p in &self.pillars {
            if !pillars.insert(p.key.as_str()) {
                return Err(PlanProblem::DuplicatePillar(p.key.clone()));
            }
        }
        let mut ids = HashSet::new();
        for (index, t) in self.tasks.iter().enumerate() {
            if t.id.trim().is_empty() {
                return Err(PlanProblem::EmptyId { index: index + 1 });
            }
            if !ids.insert(t.id.to_uppercase()) {
                return Err(PlanProblem::DuplicateTask(t.id.clone()));
            }
            if !pillars.contains(t.pillar.as_str()) {
                return Err(PlanProblem::UnknownPillar {
                    task: t.id.clone(),
                    pillar: t.pillar.clone(),
                });
            }
            if t.title.trim().is_empty() {
                return Err(PlanProblem::NoTitle(t.id.clone()));
            }
        }
        for k in &self.targets {
            for v in std::iter::once(k.target).chain(k.baseline) {
                if !(0.0..=100.0).contains(&v) {
                    return Err(PlanProblem::BadTarget {
                        id: k.id.clone(),
                        value: v.to_string(),
                    });
                }
            }
        }
        Ok(())
    }

    /// Normalises every text of the plan to NFC and trims it; empty optional cells become `None`.
    #[must_use]
    pub fn normalized(mut self) -> Self {
        self.name = clean(&self.name);
        self.title = clean(&self.title);
        self.decision = clean(&self.decision);
        for p in &mut self.pillars {
            p.key = clean(&p.key);
            p.vi = clean(&p.vi);
            p.en = clean(&p.en);
        }
        for t in &mut self.tasks {
            t.id = clean(&t.id);
            t.pillar = clean(&t.pillar);
            t.title = clean(&t.title);
            t.timeframe = clean(&t.timeframe);
            t.lead = clean_list(&t.lead);
            t.support = clean_list(&t.support);
            t.funding = clean_opt(t.funding.as_deref());
            t.remark = clean_opt(t.remark.as_deref());
        }
        for k in &mut self.targets {
            k.title = nfc(&k.title);
            k.baseline_source = clean_opt(k.baseline_source.as_deref());
        }
        self
    }
}

fn clean_list(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| clean(s))
        .filter(|s| !s.is_empty())
        .collect()
}

fn clean_opt(s: Option<&str>) -> Option<String> {
    s.map(clean).filter(|s| !s.is_empty())
}
