/**
 * The Slack workspaces keepwarm serves, in keepwarm's own database (table
 * `slack_installations`, migration 2026-11-25-0004): bolt's InstallationStore
 * for the OAuth flow, and whether a workspace is still reachable. Tokens are
 * secrets: this module never logs an installation.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Kysely } from 'kysely';

export interface SlackInstallationsTable {
  enterprise_id: string;
  team_id: string;
  is_enterprise_install: number;
  installation: string | null;
  inactive: number;
  inactive_reason: string | null;
  installed_at: string;
  updated_at: string;
}

export interface SlackTables {
  slack_installations: SlackInstallationsTable;
}

/** keepwarm's database handle, typed with the Slack adapter's own table only (kept out of the shared schema). */
export function slackDb<T>(db: Kysely<T>): Kysely<SlackTables> {
  return db as unknown as Kysely<SlackTables>;
}

/** What keepwarm needs to talk to one workspace. */
export interface Workspace {
  teamId: string;
  enterpriseId: string;
  /** The bot token: from the installation, or undefined for the SLACK_BOT_TOKEN workspace. */
  botToken: string | undefined;
  inactive: boolean;
}

interface Key {
  enterpriseId: string;
  teamId: string;
}

function keyOf(query: { enterpriseId?: string | undefined; teamId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): Key {
  return { enterpriseId: query.enterpriseId ?? '', teamId: query.isEnterpriseInstall ? '' : (query.teamId ?? '') };
}

function parseInstallation(json: string | null): Installation | undefined {
  return json === null ? undefined : (JSON.parse(json) as Installation);
}

export class Workspaces implements InstallationStore {
  constructor(
    private readonly db: Kysely<SlackTables>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Saves an OAuth installation; installing again makes an inactive workspace active. */
  async storeInstallation(installation: Installation): Promise<void> {
    const key = keyOf({
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall === true,
    });
    const at = this.now().toISOString();
    await this.db
      .insertInto('slack_installations')
      .values({
        enterprise_id: key.enterpriseId,
        team_id: key.teamId,
        is_enterprise_install: installation.isEnterpriseInstall ? 1 : 0,
        installation: JSON.stringify(installation),
        inactive: 0,
        inactive_reason: null,
        installed_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['enterprise_id', 'team_id']).doUpdateSet((eb) => ({
          installation: eb.ref('excluded.installation'),
          is_enterprise_install: eb.ref('excluded.is_enterprise_install'),
          inactive: 0,
          inactive_reason: null,
          updated_at: at,
        })),
      )
      .execute();
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const key = keyOf(query);
    const row = await this.db
      .selectFrom('slack_installations')
      .select(['installation'])
      .where('enterprise_id', '=', key.enterpriseId)
      .where('team_id', '=', key.teamId)
      .executeTakeFirst();
    const installation = parseInstallation(row?.installation ?? null);
    // The message names the workspace, never a token.
    if (!installation) throw new Error(`keepwarm is not installed in Slack workspace ${key.teamId || key.enterpriseId}`);
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = keyOf(query);
    await this.db.deleteFrom('slack_installations').where('enterprise_id', '=', key.enterpriseId).where('team_id', '=', key.teamId).execute();
  }

  /** The SLACK_BOT_TOKEN workspace: a row without an installation, made active by every start. */
  async registerTokenWorkspace(teamId: string, enterpriseId = ''): Promise<void> {
    const at = this.now().toISOString();
    await this.db
      .insertInto('slack_installations')
      .values({ enterprise_id: enterpriseId, team_id: teamId, is_enterprise_install: 0, installation: null, inactive: 0, inactive_reason: null, installed_at: at, updated_at: at })
      .onConflict((oc) => oc.columns(['enterprise_id', 'team_id']).doUpdateSet({ inactive: 0, inactive_reason: null, updated_at: at }))
      .execute();
  }

  /**
   * A team's workspace. Org-wide (Enterprise Grid) installs are stored under
   * their enterprise and answer requests, but are not found here by team: the
   * Messenger cannot reach them (docs/slack.md).
   */
  async find(teamId: string): Promise<Workspace | undefined> {
    const rows = await this.db
      .selectFrom('slack_installations')
      .select(['enterprise_id', 'team_id', 'installation', 'inactive'])
      .where('team_id', '=', teamId)
      .execute();
    const row = rows[0];
    if (!row) return undefined;
    return {
      teamId: row.team_id,
      enterpriseId: row.enterprise_id,
      botToken: parseInstallation(row.installation)?.bot?.token,
      inactive: row.inactive === 1,
    };
  }

  /**
   * The app was uninstalled or its token revoked: keepwarm stops writing to
   * the workspace until it is installed (or started with a token) again.
   */
  async markInactive(teamId: string, reason: string): Promise<void> {
    await this.db
      .updateTable('slack_installations')
      .set({ inactive: 1, inactive_reason: reason.slice(0, 100), updated_at: this.now().toISOString() })
      .where('team_id', '=', teamId)
      .execute();
  }
}
