//! Keys to actions, per mode. The keys themselves are data (`keymaps/*.toml`).

pub mod spec;
