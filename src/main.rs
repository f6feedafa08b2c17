//! readout: see the library crate for everything but the entry point.

fn main() -> std::process::ExitCode {
    readout::cli::main()
}
