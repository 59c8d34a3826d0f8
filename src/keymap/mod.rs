//! Keys to actions, per mode. The keys themselves are data (`keymaps/*.toml`).

mod key;
pub mod spec;
