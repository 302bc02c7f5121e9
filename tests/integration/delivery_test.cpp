// Delivery jobs against a local inbox that answers what each test asks: Mastodon's response
// policy (what is retried, what is dropped, what counts against the host), host health
// (unavailable after failures on 7 distinct days, cleared by a success or an inbound signed
// request) and the per-host concurrency key on every delivery job.
#include "app_harness.hpp"
#include "tx_sql.hpp"

#include <loxodon/activitypub/http_signature.hpp>
#include <loxodon/activitypub/signature_key.hpp>
#include <loxodon/db/delivery_host_repository.hpp>
#include <loxodon/federation/delivery.hpp>
#include <loxodon/jobs/job_errors.hpp>
#include <loxodon/net/http_client.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

namespace lox {
namespace {

using lox::testing::AppHarness;
using lox::testing::exec_sql;
using lox::testing::run_awaitable;
using nlohmann::json;
using tcp = asio::ip::tcp;

// An inbox on a loopback port: answers every POST with `status` and keeps what it received.
class LocalInbox {
 public:
  LocalInbox() : acceptor_(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
    thread_ = std::thread([this] { serve(); });
  }
  ~LocalInbox() {
    stopping_ = true;
    boost::system::error_code ec;
    tcp::socket poke(io_);
    poke.connect(acceptor_.local_endpoint(), ec);
    thread_.join();
  }
  unsigned short port() const { return acceptor_.local_endpoint().port(); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port()) + "/inbox"; }
  std::atomic<int> status{202};
  std::vector<std::string> received() {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  void serve() {
    while (!stopping_) {
      tcp::socket socket(io_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stopping_) continue;
      asio::streambuf buffer;
      std::size_t head = asio::read_until(socket, buffer, "\r\n\r\n", ec);
      if (ec) continue;
      std::string text(asio::buffers_begin(buffer.data()), asio::buffers_end(buffer.data()));
      std::size_t length = 0;
      auto at = text.find("Content-Length: ");
      if (at == std::string::npos) at = text.find("content-length: ");
      if (at != std::string::npos) length = std::stoul(text.substr(at + 16));
      if (text.size() < head + length) {
        asio::read(socket, buffer, asio::transfer_exactly(head + length - text.size()), ec);
        text.assign(asio::buffers_begin(buffer.data()), asio::buffers_end(buffer.data()));
      }
      {
        std::lock_guard lock(mutex_);
        received_.push_back(text);
      }
      std::string answer = "HTTP/1.1 " + std::to_string(status.load()) +
                           " Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
      asio::write(socket, asio::buffer(answer), ec);
    }
  }

  asio::io_context io_;
  tcp::acceptor acceptor_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<std::string> received_;
};

net::HttpClientOptions local_client() {
  net::HttpClientOptions o;
  o.connector.allow_private_addresses = true;
  o.timeout = std::chrono::milliseconds(5000);
  return o;
}

class DeliveryTest : public ::testing::Test {
 protected:
  DeliveryTest()
      : alice_(h_.create_user("alice")),
        client_(local_client()),
        worker_(h_.config, h_.db, client_, h_.blocking) {}

  json payload(const std::string& type = "Create") {
    return {{"inbox", inbox_.url()},
            {"signer", alice_.account.id},
            {"activity",
             {{"@context", "https://www.w3.org/ns/activitystreams"},
              {"id", "https://social.example/activities/1"},
              {"type", type},
              {"actor", h_.config.actor_url("alice")},
              {"object", "https://remote.example/users/bob"}}}};
  }
  // "ok", "retry" or "drop", as the job runtime would treat the outcome.
  std::string deliver(const json& p) {
    try {
      run_awaitable(worker_.run(p));
      return "ok";
    } catch (const jobs::PermanentError&) {
      return "drop";
    } catch (const jobs::RetryableError&) {
      return "retry";
    }
  }
  std::string host() { return "127.0.0.1:" + std::to_string(inbox_.port()); }
  long long failure_days() {
    return h_.tdb.count(
        "SELECT coalesce(sum(cardinality(failure_days)), 0) FROM "
        "delivery_hosts WHERE host = '" +
        host() + "'");
  }
  void add_past_failure_days(int days) {
    h_.db.tx_sync([&](db::Tx& tx) {
      exec_sql(tx, "INSERT INTO delivery_hosts (host, failure_days) SELECT '" + host() +
                       "', array_agg((now() AT TIME ZONE 'UTC')::date - d) FROM "
                       "generate_series(1, " +
                       std::to_string(days) + ") d");
    });
  }

  AppHarness h_;
  domain::UserWithAccount alice_;
  LocalInbox inbox_;
  net::HttpClient client_;
  federation::DeliveryWorker worker_;
};

TEST_F(DeliveryTest, SignedPostThatTheRecipientCanVerify) {
  ASSERT_EQ(deliver(payload()), "ok");
  auto got = inbox_.received();
  ASSERT_EQ(got.size(), 1u);
  const std::string& raw = got[0];
  EXPECT_TRUE(raw.starts_with("POST /inbox HTTP/1.1\r\n"));
  // Parse what arrived and verify it with alice's public key, as a receiving server would.
  activitypub::SignedRequest seen;
  seen.method = "POST";
  seen.target = "/inbox";
  auto head_end = raw.find("\r\n\r\n");
  seen.body = raw.substr(head_end + 4);
  std::size_t line = raw.find("\r\n") + 2;
  while (line < head_end) {
    auto end = raw.find("\r\n", line);
    auto colon = raw.find(':', line);
    seen.headers.emplace_back(raw.substr(line, colon - line),
                              raw.substr(colon + 2, end - colon - 2));
    line = end + 2;
  }
  auto signature = activitypub::find_signature(seen);
  ASSERT_TRUE(signature);
  EXPECT_EQ(signature->key_id, h_.config.actor_url("alice") + "#main-key");
  std::string pem = h_.tdb.scalar("SELECT public_key_pem FROM accounts WHERE username = 'alice'");
  EXPECT_NO_THROW(activitypub::verify_request(*signature, seen,
                                              activitypub::VerificationKey::from_pem(pem),
                                              std::chrono::system_clock::now()));
  EXPECT_EQ(json::parse(seen.body)["type"], "Create");
}

TEST_F(DeliveryTest, ResponsePolicyFollowsMastodon) {
  struct Case {
    int status;
    const char* outcome;
    bool counts_against_host;
  };
  for (const Case& c :
       {Case{200, "ok", false}, Case{202, "ok", false}, Case{400, "drop", false},
        Case{403, "drop", false}, Case{404, "drop", false}, Case{410, "drop", false},
        Case{422, "drop", false}, Case{501, "drop", false}, Case{401, "retry", true},
        Case{408, "retry", true}, Case{429, "retry", true}, Case{500, "retry", true},
        Case{503, "retry", true}}) {
    h_.db.tx_sync([](db::Tx& tx) { exec_sql(tx, "DELETE FROM delivery_hosts"); });
    inbox_.status = c.status;
    EXPECT_EQ(deliver(payload()), c.outcome) << c.status;
    EXPECT_EQ(failure_days(), c.counts_against_host ? 1 : 0) << c.status;
  }
}

TEST_F(DeliveryTest, UnreachableHostIsRetriedAndCounted) {
  auto p = payload();
  p["inbox"] = "http://127.0.0.1:1/inbox";  // nothing listens on port 1
  EXPECT_EQ(deliver(p), "retry");
  EXPECT_EQ(h_.tdb.count("SELECT cardinality(failure_days) FROM delivery_hosts WHERE host = "
                         "'127.0.0.1:1'"),
            1);
  // A second failure on the same day adds no day.
  EXPECT_EQ(deliver(p), "retry");
  EXPECT_EQ(h_.tdb.count("SELECT cardinality(failure_days) FROM delivery_hosts WHERE host = "
                         "'127.0.0.1:1'"),
            1);
}

TEST_F(DeliveryTest, SeventhFailureDayMakesTheHostUnavailableUntilASuccess) {
  add_past_failure_days(6);
  inbox_.status = 503;
  EXPECT_EQ(deliver(payload()), "retry");
  EXPECT_EQ(failure_days(), 7);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM delivery_hosts WHERE unavailable_since IS NOT NULL"),
            1);
  // Unavailable: deliveries are skipped without a request (and the job is done).
  inbox_.status = 202;
  auto before = inbox_.received().size();
  EXPECT_EQ(deliver(payload()), "ok");
  EXPECT_EQ(inbox_.received().size(), before);
  // A Follow still goes out; its success makes the host available again.
  EXPECT_EQ(deliver(payload("Follow")), "ok");
  EXPECT_EQ(inbox_.received().size(), before + 1);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM delivery_hosts"), 0);
  EXPECT_EQ(deliver(payload()), "ok");
  EXPECT_EQ(inbox_.received().size(), before + 2);
}

TEST_F(DeliveryTest, SixDaysOfFailuresAreForgottenOnSuccess) {
  add_past_failure_days(5);
  inbox_.status = 500;
  EXPECT_EQ(deliver(payload()), "retry");
  EXPECT_EQ(failure_days(), 6);
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM delivery_hosts WHERE unavailable_since IS NOT NULL"),
            0);
  inbox_.status = 202;
  EXPECT_EQ(deliver(payload()), "ok");
  EXPECT_EQ(h_.tdb.count("SELECT count(*) FROM delivery_hosts"), 0);
}

TEST_F(DeliveryTest, EveryDeliveryJobCarriesItsHostAsConcurrencyKey) {
  h_.db.tx_sync([&](db::Tx& tx) {
    federation::enqueue_delivery(tx, "https://Mastodon.Example/inbox", payload()["activity"],
                                 alice_.account.id);
    federation::enqueue_delivery(tx, "http://localhost:3001/users/bob/inbox", payload()["activity"],
                                 alice_.account.id);
  });
  auto keys = h_.tdb.query(
      "SELECT concurrency_key FROM jobs WHERE kind = 'activitypub.deliver' "
      "ORDER BY id");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0][0].as<std::string>(), "deliver:mastodon.example");
  EXPECT_EQ(keys[1][0].as<std::string>(), "deliver:localhost:3001");
}

}  // namespace
}  // namespace lox
