//! HTTP for `fetch`, polite by construction: one request at a time, the
//! starts of two requests at least `--delay` apart, a User-Agent naming
//! ombuds and its version, and retries with exponential backoff on
//! timeouts, connection errors, 429 and 5xx, honouring `Retry-After`
//! (seconds). Any other answer that is not a success fails at once.

use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use ureq::Agent;

use super::FetchRequest;

/// Who is asking, for the website's logs: `ombuds/0.1.0 (+REPOSITORY;
/// research use)`, the repository being the package's `repository` key
/// (left out while it has none).
pub fn user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match env!("CARGO_PKG_REPOSITORY") {
        "" => format!("ombuds/{version} (research use)"),
        repository => format!("ombuds/{version} (+{repository}; research use)"),
    }
}

/// The longest wait between two attempts that backoff alone may reach.
const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// The longest `Retry-After` honoured; asked for more, the page fails.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(600);

/// The largest page accepted (a decision page is far smaller).
const MAX_BODY: u64 = 20 * 1024 * 1024;

/// A polite HTTP client; one per fetch run.
pub struct Client {
    agent: Agent,
    delay: Duration,
    retries: u32,
    timeout: Duration,
    last_start: Option<Instant>,
}

/// How one attempt ended, when it did not give a page.
enum Attempt {
    /// Worth another try, after at least this long (from `Retry-After`).
    Retry(String, Option<Duration>),
    /// Not worth another try.
    Fail(String),
}

impl Client {
    /// A client with the request's delay, retries and timeout.
    pub fn new(request: &FetchRequest) -> Result<Self> {
        let agent: Agent = Agent::config_builder()
            .user_agent(user_agent())
            .http_status_as_error(false)
            .timeout_global(Some(request.timeout))
            .build()
            .into();
        Ok(Client {
            agent,
            delay: request.delay,
            retries: request.retries,
            timeout: request.timeout,
            last_start: None,
        })
    }

    /// The body of a successful GET of `url`, after retries if needed; the
    /// error says what the last attempt got and how many were made.
    pub fn get(&mut self, url: &str) -> Result<Vec<u8>> {
        let mut wait = Duration::ZERO;
        let mut attempt = 0;
        loop {
            self.wait_turn(wait);
            let (reason, retry_after) = match self.attempt(url) {
                Ok(body) => return Ok(body),
                Err(Attempt::Fail(reason)) => bail!("{reason}"),
                Err(Attempt::Retry(reason, retry_after)) => (reason, retry_after),
            };
            if attempt == self.retries {
                let tries = attempt + 1;
                let s = if tries == 1 { "" } else { "s" };
                bail!("{reason} ({tries} attempt{s})");
            }
            wait = match retry_after {
                Some(asked) if asked > MAX_RETRY_AFTER => bail!(
                    "{reason}; the server asked to wait {}s before retrying",
                    asked.as_secs()
                ),
                Some(asked) => asked,
                None => self.backoff(attempt),
            };
            attempt += 1;
        }
    }

    /// One GET: the body, or why not and whether to try again.
    fn attempt(&mut self, url: &str) -> Result<Vec<u8>, Attempt> {
        self.last_start = Some(Instant::now());
        let mut response = self.agent.get(url).call().map_err(|e| self.classify(e))?;
        let status = response.status();
        if status.is_success() {
            return response
                .body_mut()
                .with_config()
                .limit(MAX_BODY)
                .read_to_vec()
                .map_err(|e| self.classify(e));
        }
        let reason = format!(
            "HTTP {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or_default()
        );
        let reason = reason.trim_end().to_string();
        if status.as_u16() == 429 || status.is_server_error() {
            let retry_after = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            Err(Attempt::Retry(reason, retry_after))
        } else {
            Err(Attempt::Fail(reason))
        }
    }

    /// Timeouts and broken connections are worth a retry; a bad URL, a TLS
    /// failure or a page over the size limit are not.
    fn classify(&self, error: ureq::Error) -> Attempt {
        use ureq::Error;
        match error {
            Error::Timeout(_) => Attempt::Retry(
                format!(
                    "no complete answer within {}s (--timeout)",
                    self.timeout.as_secs_f64()
                ),
                None,
            ),
            Error::Io(_) | Error::ConnectionFailed | Error::HostNotFound | Error::Protocol(_) => {
                Attempt::Retry(format!("connection failed: {error}"), None)
            }
            Error::BodyExceedsLimit(limit) => {
                Attempt::Fail(format!("page larger than {limit} bytes"))
            }
            other => Attempt::Fail(other.to_string()),
        }
    }

    /// Before retry `attempt + 1`: the delay doubled each time, capped.
    fn backoff(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt + 1);
        self.delay.saturating_mul(factor).min(MAX_BACKOFF)
    }

    /// Sleeps until `--delay` has passed since the last request started,
    /// and at least `wait` from now.
    fn wait_turn(&self, wait: Duration) {
        let now = Instant::now();
        let mut until = now + wait;
        if let Some(last) = self.last_start {
            until = until.max(last + self.delay);
        }
        if until > now {
            std::thread::sleep(until - now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(delay: Duration) -> Client {
        Client::new(&FetchRequest {
            from: time::macros::date!(2024 - 01 - 01),
            to: time::macros::date!(2024 - 01 - 01),
            out: "unused".into(),
            base_url: "http://127.0.0.1:9".into(),
            delay,
            retries: 4,
            timeout: Duration::from_secs(1),
        })
        .unwrap()
    }

    #[test]
    fn backoff_doubles_from_the_delay_and_is_capped() {
        let c = client(Duration::from_secs(1));
        let waits: Vec<u64> = (0..7).map(|a| c.backoff(a).as_secs()).collect();
        assert_eq!(waits, [2, 4, 8, 16, 32, 60, 60]);
        assert_eq!(client(Duration::ZERO).backoff(3), Duration::ZERO);
    }

    #[test]
    fn the_user_agent_names_ombuds_and_its_version() {
        let agent = user_agent();
        assert!(
            agent.starts_with(&format!("ombuds/{} (", env!("CARGO_PKG_VERSION"))),
            "{agent}"
        );
        assert!(agent.ends_with("research use)"), "{agent}");
    }
}
