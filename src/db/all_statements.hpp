#pragma once
// Every prepared statement, as the list of the statements files (one per repository, plus the
// database's own): a new connection prepares them all (db/database.cpp). Names must be unique:
// libpqxx refuses a second definition under a taken name, and with it every connection; a unit
// test (tests/unit/statement_names_test.cpp) checks this without a database.

#include "db/account_statements.hpp"
#include "db/announcement_statements.hpp"
#include "db/conversation_statements.hpp"
#include "db/custom_emoji_statements.hpp"
#include "db/database_statements.hpp"
#include "db/delivery_host_statements.hpp"
#include "db/donation_prompt_statements.hpp"
#include "db/filter_statements.hpp"
#include "db/funding_statements.hpp"
#include "db/id_node_statements.hpp"
#include "db/instance_statements.hpp"
#include "db/job_statements.hpp"
#include "db/ledger_statements.hpp"
#include "db/list_statements.hpp"
#include "db/media_statements.hpp"
#include "db/membership_statements.hpp"
#include "db/oauth_statements.hpp"
#include "db/preview_card_statements.hpp"
#include "db/rate_limit_statements.hpp"
#include "db/report_statements.hpp"
#include "db/scheduled_status_statements.hpp"
#include "db/secret_statements.hpp"
#include "db/sign_in_statements.hpp"
#include "db/social_statements.hpp"
#include "db/sponsor_statements.hpp"
#include "db/statement.hpp"
#include "db/status_statements.hpp"
#include "db/statuses_cleanup_statements.hpp"
#include "db/stream_statements.hpp"
#include "db/tag_statements.hpp"
#include "db/thanks_statements.hpp"

#include <array>
#include <span>

namespace lox::db::sql {

inline constexpr auto kAllStatements = std::to_array<std::span<const Statement>>({
    kAccountStatements,        kAnnouncementStatements, kConversationStatements,
    kCustomEmojiStatements,    kDatabaseStatements,     kDeliveryHostStatements,
    kDonationPromptStatements, kFilterStatements,       kFundingStatements,
    kIdNodeStatements,         kInstanceStatements,     kJobStatements,
    kLedgerStatements,         kListStatements,         kMediaStatements,
    kMembershipStatements,     kOAuthStatements,        kPreviewCardStatements,
    kRateLimitStatements,      kReportStatements,       kScheduledStatusStatements,
    kSecretStatements,         kSignInStatements,       kSocialStatements,
    kSponsorStatements,        kStatusStatements,       kStatusesCleanupStatements,
    kStreamStatements,         kTagStatements,          kThanksStatements,
});

}  // namespace lox::db::sql
