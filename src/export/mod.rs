//! Getting data out: rows for JSON and CSV (Excel-ready), the plan document for round trips.

pub mod csv;
pub mod rows;
pub mod sanitize;

pub use rows::TaskRow;
