//! The static servers the browser tests and benchmarks load pages from: the built widget and demo
//! (`dist/`) on one origin and the plain page (`www/`) on another, so cross-origin use is tested
//! too. npm's http-server answers Range requests, which media seeking needs. The servers live in a
//! guard that stops them when dropped, whether the tests passed, failed or the run errored.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::cmd::{self, command, spawn_error, Error, Result};

const HOST: &str = "127.0.0.1";
/// The widget and its demo page, from `trunk build`.
pub const DIST_PORT: u16 = 4173;
/// The plain page, a different origin from the widget's.
pub const PLAIN_PORT: u16 = 4174;
/// How long a server may take to answer its first request.
const READY_TIMEOUT: Duration = Duration::from_secs(20);

/// Running servers, stopped on drop.
pub struct Servers {
    children: Vec<(String, Child)>,
}

impl Servers {
    /// Starts both servers and waits until each answers HTTP.
    pub fn start() -> Result<Servers> {
        let mut servers = Servers {
            children: Vec::new(),
        };
        servers.start_one("dist", DIST_PORT)?;
        servers.start_one("www", PLAIN_PORT)?;
        Ok(servers)
    }

    /// The environment the browser tests read.
    pub fn env() -> [(&'static str, String); 4] {
        [
            ("DIST_URL", format!("http://{HOST}:{DIST_PORT}")),
            ("PLAIN_URL", format!("http://{HOST}:{PLAIN_PORT}")),
            ("CHROMIUM", "/usr/bin/chromium".to_string()),
            ("ARTIFACTS", "tests/artifacts".to_string()),
        ]
    }

    fn start_one(&mut self, dir: &str, port: u16) -> Result {
        // A server left over from an earlier run would answer in place of this one and serve stale
        // files: refuse rather than test the wrong thing.
        port_free(port).map_err(|e| {
            Error::new(format!(
                "port {port} is taken ({e}): is a server from an earlier run still up?"
            ))
        })?;
        let server = cmd::root().join("node_modules/.bin/http-server");
        let mut cmd = command(&server);
        cmd.arg(dir)
            .args(["-p", &port.to_string(), "-a", HOST, "--cors", "-c-1", "-s"])
            // http-server uses an API Node deprecated; the warning is noise in the test output.
            .env("NODE_OPTIONS", "--no-deprecation")
            .stdin(Stdio::null());
        let shown = cmd::display(&cmd);
        println!("serve: {shown}");
        let child = cmd.spawn().map_err(|e| spawn_error(&shown, &e))?;
        self.children.push((shown.clone(), child));
        let started = Instant::now();
        loop {
            if let Some((_, child)) = self.children.last_mut() {
                if let Ok(Some(status)) = child.try_wait() {
                    return Err(Error::new(format!("`{shown}` exited early ({status})")));
                }
            }
            if answers_http(port) {
                println!(
                    "serve: http://{HOST}:{port}/ ({dir}) ready after {}",
                    cmd::format_duration(started.elapsed())
                );
                return Ok(());
            }
            if started.elapsed() > READY_TIMEOUT {
                return Err(Error::new(format!(
                    "`{shown}` did not answer within {}s",
                    READY_TIMEOUT.as_secs()
                )));
            }
            thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Servers {
    fn drop(&mut self) {
        for (shown, child) in &mut self.children {
            if let Ok(None) = child.try_wait() {
                if let Err(e) = child.kill() {
                    eprintln!("serve: could not stop `{shown}`: {e}");
                }
            }
            let _ = child.wait();
        }
    }
}

/// Whether nothing listens on `port` of the loopback address the servers use.
pub fn port_free(port: u16) -> std::io::Result<()> {
    TcpListener::bind((HOST, port)).map(drop)
}

/// Whether a minimal GET to `/` on the port gets an HTTP response.
fn answers_http(port: u16) -> bool {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_millis(500)) else {
        return false;
    };
    let timeout = Some(Duration::from_secs(2));
    if stream.set_read_timeout(timeout).is_err() || stream.set_write_timeout(timeout).is_err() {
        return false;
    }
    let request = format!("GET / HTTP/1.0\r\nHost: {HOST}:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 5];
    stream.read_exact(&mut head).is_ok() && &head == b"HTTP/"
}
