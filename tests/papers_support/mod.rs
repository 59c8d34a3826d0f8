//! The mock meeting on the embedded 2025 plan as of 15/07/2025 that the papers' tests draw
//! from: a few tasks moved, a meeting with three agenda items, two conclusions with action items,
//! a target reading.

#![allow(dead_code)]

use chrono::{DateTime, NaiveDate};

use steerdeck::domain::meeting::{
    ActionItem, AgendaItem, AgendaReason, Desk, Meeting, MeetingState, pillar_key,
};
use steerdeck::domain::target::Reading;
use steerdeck::domain::{Plan, Status, Task, TaskDef, TaskState, UnitRegistry};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

pub fn as_of() -> NaiveDate {
    d(2025, 7, 15)
}

pub struct Mock {
    pub plan: Plan,
    pub tasks: Vec<Task>,
    pub desk: Desk,
    pub registry: UnitRegistry,
}

fn state(status: Status, progress: u8, done: Option<NaiveDate>) -> TaskState {
    TaskState {
        status,
        progress,
        completed_on: done,
        ..TaskState::default()
    }
}

fn action(id: &str, about: &str, title: &str, lead: &str, support: &str, when: &str) -> ActionItem {
    ActionItem {
        def: TaskDef {
            id: id.into(),
            pillar: pillar_key("H1"),
            title: title.into(),
            timeframe: when.into(),
            lead: vec![lead.into()],
            support: if support.is_empty() {
                Vec::new()
            } else {
                vec![support.into()]
            },
            funding: None,
            remark: None,
        },
        meeting: "H1".into(),
        about: Some(about.into()),
    }
}

pub fn mock() -> Mock {
    let plan = steerdeck::plan::embedded().expect("embedded plan");
    let registry = UnitRegistry::embedded().expect("registry");
    let year = plan.year;
    let states = |id: &str| match id {
        // Done on time (Quý I), done late (Quý I- II, finished 10/07), in progress, blocked.
        "I.1" => state(Status::Done, 100, Some(d(2025, 3, 20))),
        "IV.5" => state(Status::Done, 100, Some(d(2025, 7, 10))),
        "III.1" => state(Status::InProgress, 60, None),
        "II.4" => state(Status::Blocked, 30, None),
        "III.2" => state(Status::Cancelled, 0, None),
        _ => TaskState::default(),
    };
    let mut tasks: Vec<Task> = plan
        .tasks
        .iter()
        .map(|def| Task::new(def.clone(), states(&def.id), year))
        .collect();
    let actions = vec![
        action(
            "H1.1",
            "III.3",
            "Hoàn thành thuê Phần mềm Quản lý cán bộ, đưa vào sử dụng",
            "Cục CNTT",
            "Vụ TCCB",
            "Quý III/2025",
        ),
        action(
            "H1.2",
            "II.4",
            "Báo cáo Lãnh đạo Bộ phương án tháo gỡ vướng mắc về kinh phí",
            "Cục KHTC",
            "",
            "Trước 30/8/2025",
        ),
    ];
    for a in &actions {
        tasks.push(Task::new(a.def.clone(), TaskState::default(), year));
    }
    let meeting = Meeting {
        id: "H1".into(),
        title: "Họp Ban Chỉ đạo chuyển đổi số sơ kết 6 tháng đầu năm 2025".into(),
        date: as_of(),
        chair: "Nguyễn Văn An".into(),
        attendees: vec![
            "Cục Công nghệ thông tin".into(),
            "Cục Kế hoạch - Tài chính".into(),
        ],
        state: MeetingState::Open,
        agenda: vec![
            AgendaItem {
                task: "III.3".into(),
                reasons: vec![AgendaReason::Overdue],
                conclusion: Some(
                    "Cục CNTT khẩn trương hoàn thành việc thuê phần mềm, báo cáo kết quả trong Quý III/2025."
                        .into(),
                ),
            },
            AgendaItem {
                task: "II.4".into(),
                reasons: vec![AgendaReason::Blocked],
                conclusion: Some("Giao Cục KHTC đề xuất phương án kinh phí.\u{1b}[31m".into()),
            },
            AgendaItem {
                task: "I.2".into(),
                reasons: vec![AgendaReason::DueThisQuarter],
                conclusion: None,
            },
        ],
        closing: None,
    };
    let mut desk = Desk {
        meetings: vec![meeting],
        actions,
        ..Desk::default()
    };
    desk.readings.insert(
        "T.2".into(),
        vec![Reading {
            value: 81.5,
            as_of: d(2025, 6, 30),
            note: Some("Hệ thống EMC".into()),
            who: "lan".into(),
            at: DateTime::from_timestamp(1_752_000_000, 0).expect("time"),
            withdrawn: None,
        }],
    );
    Mock {
        plan,
        tasks,
        desk,
        registry,
    }
}
