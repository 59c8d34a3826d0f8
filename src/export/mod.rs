//! Getting data out: rows for JSON and CSV (Excel-ready), the plan document for round trips, and
//! the papers after a meeting — the conclusion notice, the progress report (Markdown or .docx,
//! through one [`paper::Paper`]) and the status workbook (.xlsx). Pure: every builder takes data
//! and returns text or bytes; nothing here reads the store, and only [`file`] writes a file.

pub mod csv;
pub mod docx;
pub mod file;
pub mod markdown;
pub mod minutes;
pub mod paper;
pub mod report;
pub mod rows;
pub mod sanitize;
pub mod workbook;

pub use rows::TaskRow;
