//! The pure core: plans, tasks, statuses, timeframes and deadlines, units, timeliness, the
//! summary counts, targets' readings and the committee's meetings.
//! Nothing here knows about terminals, files or the store.

pub mod day;
pub mod history;
pub mod meeting;
pub mod overview;
pub mod plan;
pub mod status;
pub mod summary;
pub mod target;
pub mod task;
pub mod text;
pub mod time;
pub mod timeframe;
pub mod timeliness;
pub mod unit;

pub use history::{Change, Event};
pub use meeting::{ActionItem, AgendaItem, AgendaReason, Desk, Meeting, MeetingState};
pub use overview::Overview;
pub use plan::{Kpi, Pillar, Plan, PlanProblem, TaskDef};
pub use status::Status;
pub use summary::{GroupTally, Summary};
pub use target::{Reading, Standing};
pub use task::{Note, Task, TaskState, Withdrawal};
pub use timeframe::{TimeframeReading, read_timeframe};
pub use timeliness::{Tally, Timeliness, timeliness};
pub use unit::{BrokenRegistry, Unit, UnitRegistry};
