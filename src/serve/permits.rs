//! Render permits handed out by priority: a counting semaphore whose waiting
//! search renders go before its waiting statistics renders.
//!
//! A statistics page costs several search pages and has more room under its
//! latency target, so each waiter is due at its arrival plus its page's room:
//! nothing for a search, [`STATISTICS_SLACK`] for a statistics page. A permit
//! that comes free goes to the waiter due first (each priority waits in
//! arrival order). A search thus goes before every statistics render that
//! arrived less than the slack before it, and a statistics render is never
//! passed over for longer than the slack by searches: it is not starved.
//!
//! A permit is returned when it is dropped, and a waiter that is dropped
//! (its client went away) leaves the queue, or hands on the permit it had
//! just been given: no permit is ever lost. tokio's `Semaphore` is FIFO only,
//! and no well-kept crate offers priorities, hence this short type.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

/// How much longer a statistics render may wait than a search render: a
/// little less than the difference between the two pages' latency targets
/// of issue 20 (p99 under 250 and 100 ms), so that with the CPUs saturated
/// both kinds keep some room under their targets.
pub const STATISTICS_SLACK: Duration = Duration::from_millis(120);

/// Which queue a render waits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    /// Search and facet pages: served first.
    Search,
    /// Statistics pages and downloads: served when no search waits.
    Statistics,
}

/// A fixed number of permits, shared by the renders of the server.
pub struct Permits {
    state: Mutex<State>,
}

/// Held while a render runs; returns its permit when dropped.
pub struct Permit {
    permits: Arc<Permits>,
}

struct State {
    free: usize,
    /// Waiting renders: search first, then statistics, each in arrival order.
    /// Invariant: both are empty while a permit is free.
    waiting: [VecDeque<Waiter>; 2],
    /// Waiters handed a permit that have not yet woken to take it.
    granted: Vec<u64>,
    next_id: u64,
}

struct Waiter {
    id: u64,
    arrived: Instant,
    waker: Waker,
}

impl Permits {
    /// `count` permits, all free.
    pub fn new(count: usize) -> Self {
        Permits {
            state: Mutex::new(State {
                free: count,
                waiting: [VecDeque::new(), VecDeque::new()],
                granted: Vec::new(),
                next_id: 0,
            }),
        }
    }

    /// A permit, once one is free and no render of this priority or a
    /// higher one waits before this one.
    pub async fn acquire(self: &Arc<Self>, priority: Priority) -> Permit {
        Wait {
            permits: Arc::clone(self),
            priority,
            queued: None,
        }
        .await
    }

    // Nothing panics while the lock is held but an allocation failure; the
    // state is whole between statements, so a poisoned lock is still used.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl State {
    /// Queues a waiter that arrived at `arrived`; its id.
    fn enqueue(&mut self, priority: Priority, arrived: Instant, waker: Waker) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        self.waiting[priority as usize].push_back(Waiter { id, arrived, waker });
        id
    }

    /// Gives a returned permit to the waiter due first, or frees it; the
    /// waker to wake once the lock is released.
    fn hand_on(&mut self) -> Option<Waker> {
        let [search, statistics] = &mut self.waiting;
        let statistics_due = statistics.front().map(|w| w.arrived + STATISTICS_SLACK);
        let next = match (search.front(), statistics_due) {
            (Some(first), Some(due)) if due < first.arrived => statistics.pop_front(),
            (Some(_), _) => search.pop_front(),
            (None, _) => statistics.pop_front(),
        };
        match next {
            Some(waiter) => {
                self.granted.push(waiter.id);
                Some(waiter.waker)
            }
            None => {
                self.free += 1;
                None
            }
        }
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        let waker = self.permits.lock().hand_on();
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

/// One acquirer: not yet queued, queued under an id, or done.
struct Wait {
    permits: Arc<Permits>,
    priority: Priority,
    queued: Option<u64>,
}

impl Future for Wait {
    type Output = Permit;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Permit> {
        let this = self.get_mut();
        let mut state = this.permits.lock();
        let Some(id) = this.queued else {
            if state.free > 0 {
                state.free -= 1;
                drop(state);
                return Poll::Ready(Permit {
                    permits: Arc::clone(&this.permits),
                });
            }
            let id = state.enqueue(this.priority, Instant::now(), cx.waker().clone());
            this.queued = Some(id);
            return Poll::Pending;
        };
        if let Some(at) = state.granted.iter().position(|g| *g == id) {
            state.granted.swap_remove(at);
            drop(state);
            this.queued = None;
            return Poll::Ready(Permit {
                permits: Arc::clone(&this.permits),
            });
        }
        // Still waiting: the task may have moved to another worker.
        if let Some(waiter) = state.waiting[this.priority as usize]
            .iter_mut()
            .find(|w| w.id == id)
        {
            waiter.waker.clone_from(cx.waker());
        }
        Poll::Pending
    }
}

impl Drop for Wait {
    fn drop(&mut self) {
        let Some(id) = self.queued else { return };
        let mut state = self.permits.lock();
        let waker = if let Some(at) = state.granted.iter().position(|g| *g == id) {
            // Given a permit but gone before taking it: pass it on.
            state.granted.swap_remove(at);
            state.hand_on()
        } else {
            state.waiting[self.priority as usize].retain(|w| w.id != id);
            None
        };
        drop(state);
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_time()
            .build()
            .expect("runtime")
    }

    fn free(permits: &Permits) -> usize {
        permits.lock().free
    }

    /// Polls `future` once, to let it join its queue.
    fn poll_once<F: Future + Unpin>(future: &mut F) -> Poll<F::Output> {
        let mut cx = Context::from_waker(Waker::noop());
        Pin::new(future).poll(&mut cx)
    }

    fn wait(permits: &Arc<Permits>, priority: Priority) -> Pin<Box<impl Future<Output = Permit>>> {
        let permits = Arc::clone(permits);
        Box::pin(async move { permits.acquire(priority).await })
    }

    /// A state with no free permit and `waiters` queued (priority, arrival
    /// in milliseconds after a fixed start); the ids of their grants, in
    /// the order permits returned one by one hand them out.
    fn grant_order(waiters: &[(Priority, u64)]) -> Vec<u64> {
        let mut state = Permits::new(0).state.into_inner().expect("state");
        let start = Instant::now();
        for &(priority, ms) in waiters {
            state.enqueue(
                priority,
                start + Duration::from_millis(ms),
                Waker::noop().clone(),
            );
        }
        for _ in waiters {
            assert!(state.hand_on().is_some(), "a waiter is given the permit");
        }
        assert!(state.hand_on().is_none());
        assert_eq!(state.free, 1, "a permit with no waiter left is freed");
        state.granted
    }

    #[test]
    fn a_search_waiter_goes_before_an_earlier_statistics_waiter() {
        let slack = STATISTICS_SLACK.as_millis() as u64;
        assert_eq!(
            grant_order(&[(Priority::Statistics, 0), (Priority::Search, slack - 1)]),
            [1, 0]
        );
    }

    #[test]
    fn a_statistics_waiter_goes_before_searches_that_arrived_its_slack_later() {
        let slack = STATISTICS_SLACK.as_millis() as u64;
        let order = grant_order(&[
            (Priority::Search, 0),
            (Priority::Statistics, 10),
            (Priority::Search, 20),
            (Priority::Search, slack + 11),
            (Priority::Statistics, slack + 12),
        ]);
        assert_eq!(order, [0, 2, 1, 3, 4]);
    }

    #[test]
    fn waiters_of_one_priority_go_in_arrival_order() {
        let searches = [
            (Priority::Search, 0),
            (Priority::Search, 5),
            (Priority::Search, 9),
        ];
        assert_eq!(grant_order(&searches), [0, 1, 2]);
        let statistics = searches.map(|(_, ms)| (Priority::Statistics, ms));
        assert_eq!(grant_order(&statistics), [0, 1, 2]);
    }

    #[test]
    fn a_waiting_search_is_given_the_permit_a_statistics_render_returns() {
        let permits = Arc::new(Permits::new(1));
        let Poll::Ready(held) = poll_once(&mut wait(&permits, Priority::Statistics)) else {
            panic!("a free permit is taken at once");
        };
        let mut statistics = wait(&permits, Priority::Statistics);
        let mut search = wait(&permits, Priority::Search);
        assert!(poll_once(&mut statistics).is_pending());
        assert!(poll_once(&mut search).is_pending());
        drop(held);
        // Unless this thread stalled for the whole slack in between.
        let Poll::Ready(searching) = poll_once(&mut search) else {
            return;
        };
        assert!(poll_once(&mut statistics).is_pending());
        drop(searching);
        assert!(poll_once(&mut statistics).is_ready());
    }

    #[test]
    fn permits_return_on_drop_and_when_a_waiter_is_cancelled() {
        let permits = Arc::new(Permits::new(2));
        let Poll::Ready(one) = poll_once(&mut wait(&permits, Priority::Search)) else {
            panic!("free permit");
        };
        let Poll::Ready(two) = poll_once(&mut wait(&permits, Priority::Statistics)) else {
            panic!("free permit");
        };
        assert_eq!(free(&permits), 0);
        // A waiter cancelled while queued leaves the queue.
        let mut gone = wait(&permits, Priority::Search);
        assert!(poll_once(&mut gone).is_pending());
        drop(gone);
        assert!(permits.lock().waiting.iter().all(VecDeque::is_empty));
        // A waiter cancelled after being given a permit, before taking it,
        // hands it on to the next waiter.
        let mut given = wait(&permits, Priority::Search);
        let mut next = wait(&permits, Priority::Statistics);
        assert!(poll_once(&mut given).is_pending());
        assert!(poll_once(&mut next).is_pending());
        drop(one);
        assert_eq!(permits.lock().granted.len(), 1);
        drop(given);
        let Poll::Ready(three) = poll_once(&mut next) else {
            panic!("the cancelled waiter's permit was handed on");
        };
        drop(three);
        drop(two);
        assert_eq!(free(&permits), 2);
        assert!(permits.lock().granted.is_empty());
    }

    #[test]
    fn no_permit_is_lost_under_many_concurrent_acquirers() {
        let permits = Arc::new(Permits::new(2));
        let (running, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let done = runtime().block_on(async {
            let tasks: Vec<_> = (0..200)
                .map(|n| {
                    let (permits, running, most) = (
                        Arc::clone(&permits),
                        Arc::clone(&running),
                        Arc::clone(&most),
                    );
                    let priority = if n % 3 == 0 {
                        Priority::Statistics
                    } else {
                        Priority::Search
                    };
                    tokio::spawn(async move {
                        let acquire = permits.acquire(priority);
                        // Every fifth acquirer gives up while it may be
                        // queued or just granted.
                        if n % 5 == 0 {
                            let _ = tokio::time::timeout(Duration::from_micros(50), acquire).await;
                            return;
                        }
                        let _permit = acquire.await;
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        tokio::task::yield_now().await;
                        running.fetch_sub(1, Ordering::SeqCst);
                    })
                })
                .collect();
            let mut done = 0;
            for task in tasks {
                task.await.expect("task");
                done += 1;
            }
            done
        });
        assert_eq!(done, 200);
        assert!(most.load(Ordering::SeqCst) <= 2);
        let state = permits.lock();
        assert_eq!(state.free, 2, "every permit came back");
        assert!(state.granted.is_empty());
        assert!(state.waiting.iter().all(VecDeque::is_empty));
    }
}
