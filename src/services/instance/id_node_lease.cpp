#include <loxodon/db/database.hpp>
#include <loxodon/db/id_node_repository.hpp>
#include <loxodon/services/instance/id_node_lease.hpp>
#include <loxodon/util/error.hpp>
#include <loxodon/util/process_name.hpp>

#include <spdlog/spdlog.h>

namespace lox::services {

namespace {

std::chrono::steady_clock::time_point valid_until(std::chrono::steady_clock::time_point asked) {
  return asked + IdNodeLease::kTerm - IdNodeLease::kSafetyMargin;
}

std::shared_ptr<spdlog::logger> log() {
  auto app = spdlog::get("lox.app");
  return app ? app : spdlog::default_logger();
}

}  // namespace

IdNodeLease::IdNodeLease(db::Database& db, SnowflakeGenerator& ids)
    : db_(db), ids_(ids), holder_(process_name(6)) {}

IdNodeLease::~IdNodeLease() = default;

awaitable<int> IdNodeLease::acquire() {
  if (node_ != 0) co_return node_;
  const auto asked = std::chrono::steady_clock::now();
  const int term = static_cast<int>(kTerm.count());
  auto node =
      co_await db_.tx([&](db::Tx& tx) { return db::IdNodeRepository::lease(tx, holder_, term); });
  if (!node) {
    throw Error(ErrorCode::kInternal, "No id node is free",
                "all 63 id nodes are leased by running processes; stop one or wait a minute");
  }
  node_ = *node;
  ids_.lease(node_, valid_until(asked));
  log()->info("id node {} leased ({})", node_, holder_);
  co_return node_;
}

awaitable<bool> IdNodeLease::renew() {
  const auto asked = std::chrono::steady_clock::now();
  const int term = static_cast<int>(kTerm.count());
  const int node = node_;
  bool renewed = co_await db_.tx(
      [&](db::Tx& tx) { return db::IdNodeRepository::renew(tx, node, holder_, term); });
  if (renewed) ids_.lease(node_, valid_until(asked));
  co_return renewed;
}

awaitable<void> IdNodeLease::keep() {
  timer_ = std::make_shared<asio::steady_timer>(co_await asio::this_coro::executor);
  auto timer = timer_;
  while (!stopped_) {
    timer->expires_after(kRenewEvery);
    boost::system::error_code ec;
    co_await timer->async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (stopped_) break;
    try {
      if (node_ != 0 && co_await renew()) continue;
      log()->warn("id node {} lease ran out before it was renewed; leasing a new node", node_);
      node_ = 0;
      co_await acquire();
    } catch (const Error& e) {
      if (e.code() != ErrorCode::kServiceUnavailable && e.code() != ErrorCode::kInternal) throw;
      log()->warn("id node lease not renewed: {}{}{}", e.what(), e.detail().empty() ? "" : ": ",
                  e.detail());
    }
  }
}

void IdNodeLease::stop() {
  stopped_ = true;
  if (timer_) timer_->cancel();
}

awaitable<void> IdNodeLease::release() {
  if (node_ == 0) co_return;
  const int node = node_;
  try {
    co_await db_.tx([&](db::Tx& tx) { db::IdNodeRepository::release(tx, node, holder_); });
  } catch (const Error& e) {
    log()->warn("id node {} not released ({}); it frees itself within {} s", node, e.what(),
                kTerm.count());
  }
  node_ = 0;
}

}  // namespace lox::services
