#pragma once

#include <loxodon/http/router.hpp>
#include <loxodon/services/instance/health_service.hpp>

namespace lox::web {

// GET /health (200 "OK" while the database answers, 503 otherwise) and /thumbnail.png.
void add_ops_routes(http::Router& router, services::HealthService& health);

}  // namespace lox::web
