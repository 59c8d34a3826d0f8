//! One message of the wire protocol, as the server reads a request line (and as a client reads
//! a hello or a reply): any bytes give a request or an error with a sentence, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use steerdeck::server::protocol::{Hello, Line, Reply, parse_request, read_line};

fuzz_target!(|data: &[u8]| {
    let mut reader = std::io::BufReader::new(data);
    let mut buf = Vec::new();
    while let Ok(Line::Line | Line::TooLong) = read_line(&mut reader, &mut buf, 1 << 16) {
        match parse_request(&buf) {
            Ok(r) => {
                // What the server parsed, it can say again.
                let again = serde_json::to_vec(&r).expect("a request serialises");
                assert!(parse_request(&again).is_ok(), "a request did not survive a round trip");
            }
            Err((_, e)) => assert!(!e.message.is_empty()),
        }
        let _ = serde_json::from_slice::<Hello>(&buf);
        let _ = serde_json::from_slice::<Reply>(&buf);
    }
});
