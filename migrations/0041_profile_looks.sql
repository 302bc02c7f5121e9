-- Advanced customization, a perk of membership plans (`customization`): the accent colour and
-- theme of a member's profile page here. Kept when a membership ends (and applied again when
-- it comes back), but shown only while the member holds the perk.
CREATE TABLE profile_looks (
  account_id   bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  accent_color text CHECK (accent_color ~ '^#[0-9a-f]{6}$'),
  theme        text NOT NULL DEFAULT 'light' CHECK (theme IN ('light', 'dark', 'auto')),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
