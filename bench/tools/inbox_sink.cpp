// A local ActivityPub inbox for the delivery benchmark: listens on many loopback ports (each
// port is its own host for Loxodon's per-host delivery limit), reads every POST with HTTP
// keep-alive, verifies its signature and digest with the sender's public key as a receiving
// server would, and answers 202. Prints the ports it listens on as its first line, then once a
// second "<seconds> <verified> <rejected> <connections>" so the benchmark can time a run.
//
//   loxodon_inbox_sink PORTS PUBLIC_KEY_PEM_FILE
#include <loxodon/activitypub/http_signature.hpp>
#include <loxodon/activitypub/signature_key.hpp>
#include <loxodon/util/asio.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <vector>

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace asio = lox::asio;
using tcp = asio::ip::tcp;

namespace {

struct Counters {
  std::uint64_t verified = 0;
  std::uint64_t rejected = 0;
  std::uint64_t connections = 0;
};

lox::awaitable<void> serve(tcp::socket socket, const lox::activitypub::VerificationKey& key,
                           Counters& counters) {
  ++counters.connections;
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  for (;;) {
    bhttp::request<bhttp::string_body> req;
    boost::system::error_code ec;
    co_await bhttp::async_read(stream, buffer, req, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    lox::activitypub::SignedRequest seen;
    seen.method = std::string(req.method_string());
    seen.target = std::string(req.target());
    for (const auto& field : req) {
      seen.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    seen.body = std::move(req.body());
    unsigned status = 202;
    try {
      auto signature = lox::activitypub::find_signature(seen);
      if (!signature) throw lox::activitypub::SignatureError("unsigned");
      lox::activitypub::verify_request(*signature, seen, key, std::chrono::system_clock::now());
      ++counters.verified;
    } catch (const std::exception& e) {
      ++counters.rejected;
      status = 401;
      if (counters.rejected <= 3) std::cerr << "rejected: " << e.what() << "\n";
    }
    bhttp::response<bhttp::empty_body> res{static_cast<bhttp::status>(status), 11};
    res.keep_alive(req.keep_alive());
    res.prepare_payload();
    co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
    if (ec || !req.keep_alive()) co_return;
  }
}

lox::awaitable<void> accept(tcp::acceptor& acceptor, const lox::activitypub::VerificationKey& key,
                            Counters& counters) {
  for (;;) {
    auto socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(acceptor.get_executor(), serve(std::move(socket), key, counters),
                   asio::detached);
  }
}

lox::awaitable<void> report(Counters& counters) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  auto start = std::chrono::steady_clock::now();
  for (;;) {
    timer.expires_after(std::chrono::seconds(1));
    co_await timer.async_wait(asio::use_awaitable);
    double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%.0f %llu %llu %llu\n", t, static_cast<unsigned long long>(counters.verified),
                static_cast<unsigned long long>(counters.rejected),
                static_cast<unsigned long long>(counters.connections));
    std::fflush(stdout);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: loxodon_inbox_sink PORTS PUBLIC_KEY_PEM_FILE\n";
    return 2;
  }
  std::ifstream file(argv[2]);
  std::stringstream pem;
  pem << file.rdbuf();
  auto key = lox::activitypub::VerificationKey::from_pem(pem.str());
  asio::io_context io{1};
  Counters counters;
  std::vector<std::unique_ptr<tcp::acceptor>> acceptors;
  int ports = std::stoi(argv[1]);
  for (int i = 0; i < ports; ++i) {
    acceptors.push_back(
        std::make_unique<tcp::acceptor>(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)));
    std::printf("%s%u", i ? " " : "", acceptors.back()->local_endpoint().port());
    asio::co_spawn(io, accept(*acceptors.back(), key, counters), asio::detached);
  }
  std::printf("\n");
  std::fflush(stdout);
  asio::co_spawn(io, report(counters), asio::detached);
  io.run();
}
