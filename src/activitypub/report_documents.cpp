#include <loxodon/activitypub/json_access.hpp>
#include <loxodon/activitypub/report_documents.hpp>
#include <loxodon/domain/report.hpp>
#include <loxodon/util/html.hpp>

namespace lox::activitypub {

using nlohmann::json;

json flag_activity(const std::string& id, const std::string& instance_actor,
                   const std::string& target_actor, const std::vector<std::string>& status_uris,
                   const std::string& comment) {
  json object = json::array({target_actor});
  for (const auto& uri : status_uris) object.push_back(uri);
  return {{"@context", "https://www.w3.org/ns/activitystreams"},
          {"id", id},
          {"type", "Flag"},
          {"actor", instance_actor},
          {"content", comment},
          {"object", object}};
}

RemoteFlag read_flag(const json& activity) {
  RemoteFlag flag;
  flag.id = id_of(activity);
  flag.objects = ids_of(activity.value("object", json()));
  if (flag.objects.size() > 100) flag.objects.resize(100);
  if (activity.contains("content") && activity["content"].is_string()) {
    // Plain text as Mastodon keeps it; a server that sends HTML gets its markup shown, not run.
    std::string text = to_valid_utf8(activity["content"].get<std::string>());
    if (text.size() > domain::kMaxReportComment * 4) text.resize(domain::kMaxReportComment * 4);
    flag.comment = to_valid_utf8(text);
  }
  return flag;
}

}  // namespace lox::activitypub
