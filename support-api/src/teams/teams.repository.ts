import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AgentEntity, TeamEntity } from '../database/entities';

export interface TeamWithCount {
  team: TeamEntity;
  memberCount: number;
}

@Injectable()
export class TeamsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async list(): Promise<TeamWithCount[]> {
    const teams = await this.db.getRepository(TeamEntity).find({ order: { name: 'ASC' } });
    const rows = await this.db.query<{ team_id: string; n: string }[]>(
      `SELECT team_id, count(*) AS n FROM agents WHERE is_active AND team_id IS NOT NULL GROUP BY team_id`,
    );
    const counts = new Map(rows.map((r) => [r.team_id, Number(r.n)]));
    return teams.map((team) => ({ team, memberCount: counts.get(team.id) ?? 0 }));
  }

  async memberCount(m: EntityManager, teamId: string): Promise<number> {
    return m.getRepository(AgentEntity).countBy({ teamId, isActive: true });
  }

  findTeam(m: EntityManager, id: string, lock = false): Promise<TeamEntity | null> {
    const qb = m.getRepository(TeamEntity).createQueryBuilder('t').where('t.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  findTeamByName(m: EntityManager, name: string): Promise<TeamEntity | null> {
    return m
      .getRepository(TeamEntity)
      .createQueryBuilder('t')
      .where('lower(t.name) = lower(:name)', { name })
      .getOne();
  }

  async insertTeam(m: EntityManager, team: Partial<TeamEntity>): Promise<TeamEntity> {
    const repo = m.getRepository(TeamEntity);
    return repo.save(repo.create(team));
  }

  async saveTeam(m: EntityManager, id: string, patch: Partial<TeamEntity>): Promise<TeamEntity> {
    const repo = m.getRepository(TeamEntity);
    if (Object.keys(patch).length > 0) await repo.update({ id }, patch);
    return repo.findOneByOrFail({ id });
  }

  findAgent(m: EntityManager, id: string, lock = false): Promise<AgentEntity | null> {
    const qb = m.getRepository(AgentEntity).createQueryBuilder('a').where('a.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async saveAgent(m: EntityManager, id: string, patch: Partial<AgentEntity>): Promise<AgentEntity> {
    const repo = m.getRepository(AgentEntity);
    if (Object.keys(patch).length > 0) await repo.update({ id }, patch);
    return repo.findOneByOrFail({ id });
  }
}
