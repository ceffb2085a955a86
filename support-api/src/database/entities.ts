import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

import type {
  AgentStatus,
  Channel,
  Intent,
  Priority,
  Role,
  TicketStatus,
} from '@quimbi/contracts';

/** numeric columns come back from pg as strings; read them as numbers. */
const decimal = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

@Entity('teams')
export class TeamEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, default: () => 'gen_random_uuid()::text' })
  id!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ name: 'lead_agent_id', type: 'varchar', length: 64, nullable: true })
  leadAgentId!: string | null;
  @Column({ name: 'auto_assign', type: 'boolean', default: false }) autoAssign!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('agents')
export class AgentEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, default: () => 'gen_random_uuid()::text' })
  id!: string;
  @Column({ type: 'varchar', length: 255 }) email!: string;
  @Column({ name: 'hashed_password', type: 'varchar', length: 255 }) hashedPassword!: string;
  @Column({ type: 'varchar', length: 255 }) name!: string;
  @Column({ type: 'varchar', length: 50, default: 'agent' }) role!: Role;
  @Column({ type: 'varchar', length: 50, default: 'offline' }) status!: AgentStatus;
  @Column({ name: 'is_active', type: 'boolean', default: true }) isActive!: boolean;
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;
  @Column({ type: 'varchar', length: 100, nullable: true }) department!: string | null;
  @Column({ name: 'team_id', type: 'varchar', length: 64, nullable: true }) teamId!: string | null;
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` }) specializations!: string[];
  @Column({ name: 'max_concurrent_tickets', type: 'int', default: 10 })
  maxConcurrentTickets!: number;
  @Column({ name: 'tickets_resolved_today', type: 'int', default: 0 })
  ticketsResolvedToday!: number;
  @Column({ name: 'avg_response_time_seconds', type: 'int', default: 0 })
  avgResponseTimeSeconds!: number;
  @Column({
    name: 'customer_satisfaction_score',
    type: 'numeric',
    precision: 2,
    scale: 1,
    default: 0,
    transformer: decimal,
  })
  customerSatisfactionScore!: number;
  @Column({ name: 'topic_alerts', type: 'jsonb', default: () => `'[]'::jsonb` })
  topicAlerts!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true }) lastLoginAt!: Date | null;
}

@Entity('agent_sessions')
export class AgentSessionEntity {
  /** The token's `jti`. */
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ name: 'agent_id', type: 'varchar', length: 64 }) agentId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip!: string | null;
  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;
}

@Entity('customers')
export class CustomerEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, default: () => 'gen_random_uuid()::text' })
  id!: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) email!: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) phone!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) name!: string | null;
  @Column({
    name: 'lifetime_value',
    type: 'numeric',
    precision: 12,
    scale: 2,
    default: 0,
    transformer: decimal,
  })
  lifetimeValue!: number;
  @Column({
    name: 'churn_risk',
    type: 'numeric',
    precision: 5,
    scale: 4,
    default: 0,
    transformer: decimal,
  })
  churnRisk!: number;
  @Column({ name: 'is_vip', type: 'boolean', default: false }) isVip!: boolean;
  @Column({ name: 'total_orders', type: 'int', default: 0 }) totalOrders!: number;
  @Column({ name: 'figures_updated_at', type: 'timestamptz', nullable: true })
  figuresUpdatedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('tickets')
export class TicketEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, default: () => 'gen_random_uuid()::text' })
  id!: string;
  @Column({ type: 'bigint', generated: 'increment', insert: false, update: false, transformer: decimal })
  number!: number;
  @Column({ name: 'customer_id', type: 'varchar', length: 64 }) customerId!: string;
  @ManyToOne(() => CustomerEntity)
  @JoinColumn({ name: 'customer_id' })
  customer?: CustomerEntity;
  @Column({ type: 'varchar', length: 500 }) subject!: string;
  @Column({ type: 'varchar', length: 50, default: 'open' }) status!: TicketStatus;
  @Column({ type: 'varchar', length: 50, default: 'normal' }) priority!: Priority;
  @Column({ type: 'varchar', length: 50 }) channel!: Channel;
  @Column({ name: 'assigned_agent_id', type: 'varchar', length: 64, nullable: true })
  assignedAgentId!: string | null;
  @Column({ name: 'team_id', type: 'varchar', length: 64, nullable: true }) teamId!: string | null;
  @VersionColumn({ type: 'int', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt!: Date | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ name: 'last_customer_message_at', type: 'timestamptz', nullable: true })
  lastCustomerMessageAt!: Date | null;
  @Column({
    name: 'customer_sentiment',
    type: 'numeric',
    precision: 3,
    scale: 2,
    default: 0.5,
    transformer: decimal,
  })
  customerSentiment!: number;
  @Column({
    name: 'estimated_difficulty',
    type: 'numeric',
    precision: 3,
    scale: 2,
    default: 0.5,
    transformer: decimal,
  })
  estimatedDifficulty!: number;
  @Column({ name: 'detected_intent', type: 'varchar', length: 100, nullable: true })
  detectedIntent!: Intent | null;
  /** The time-independent part of the smart score; wait, SLA and alerts are added in SQL. */
  @Column({
    name: 'smart_score',
    type: 'numeric',
    precision: 7,
    scale: 2,
    default: 0,
    transformer: decimal,
  })
  smartScore!: number;
  @Column({ name: 'score_components', type: 'jsonb', nullable: true })
  scoreComponents!: Record<string, number> | null;
  @Column({ name: 'search_text', type: 'text', default: '' }) searchText!: string;
}

@Entity('messages')
export class MessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, default: () => 'gen_random_uuid()::text' })
  id!: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 64 }) ticketId!: string;
  @Column({ name: 'from_agent', type: 'boolean', default: false }) fromAgent!: boolean;
  @Column({ name: 'author_agent_id', type: 'varchar', length: 64, nullable: true })
  authorAgentId!: string | null;
  @Column({ name: 'is_internal', type: 'boolean', default: false }) isInternal!: boolean;
  @Column({ type: 'text' }) content!: string;
  @Column({ name: 'from_name', type: 'varchar', length: 255, nullable: true })
  fromName!: string | null;
  @Column({ name: 'from_email', type: 'varchar', length: 255, nullable: true })
  fromEmail!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({
    name: 'sentiment_score',
    type: 'numeric',
    precision: 3,
    scale: 2,
    nullable: true,
    transformer: decimal,
  })
  sentimentScore!: number | null;
  @Column({ name: 'detected_intent', type: 'varchar', length: 100, nullable: true })
  detectedIntent!: string | null;
}

@Entity('ticket_assignments')
export class TicketAssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 64 }) ticketId!: string;
  @Column({ name: 'agent_id', type: 'varchar', length: 64, nullable: true }) agentId!: string | null;
  @Column({ name: 'previous_agent_id', type: 'varchar', length: 64, nullable: true })
  previousAgentId!: string | null;
  @Column({ name: 'assigned_by_agent_id', type: 'varchar', length: 64, nullable: true })
  assignedByAgentId!: string | null;
  @Column({ type: 'varchar', length: 20 }) action!: string;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('business_calendars')
export class BusinessCalendarEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, default: () => 'gen_random_uuid()::text' })
  id!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ name: 'time_zone', type: 'varchar', length: 64 }) timeZone!: string;
  @Column({ name: 'weekly_hours', type: 'jsonb' }) weeklyHours!: Record<string, unknown>;
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` }) holidays!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('sla_policies')
export class SlaPolicyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, default: () => 'gen_random_uuid()::text' })
  id!: string;
  @Column({ type: 'varchar', length: 50 }) priority!: Priority;
  @Column({ name: 'first_response_target_seconds', type: 'int' }) firstResponseTargetSeconds!: number;
  @Column({ name: 'resolution_target_seconds', type: 'int' }) resolutionTargetSeconds!: number;
  @Column({ name: 'warning_threshold_percent', type: 'int', default: 80 })
  warningThresholdPercent!: number;
  @Column({ name: 'business_hours_only', type: 'boolean', default: false })
  businessHoursOnly!: boolean;
  @Column({ name: 'calendar_id', type: 'varchar', length: 64, nullable: true })
  calendarId!: string | null;
  @Column({ name: 'escalate_priority_on_breach', type: 'boolean', default: false })
  escalatePriorityOnBreach!: boolean;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('sla_tracking')
export class SlaTrackingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, default: () => 'gen_random_uuid()::text' })
  id!: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 64 }) ticketId!: string;
  @Column({ name: 'first_response_status', type: 'varchar', length: 50, default: 'pending' })
  firstResponseStatus!: string;
  @Column({ name: 'first_response_deadline', type: 'timestamptz' }) firstResponseDeadline!: Date;
  @Column({ name: 'first_response_warning_at', type: 'timestamptz', nullable: true })
  firstResponseWarningAt!: Date | null;
  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt!: Date | null;
  @Column({ name: 'first_response_warned_at', type: 'timestamptz', nullable: true })
  firstResponseWarnedAt!: Date | null;
  @Column({ name: 'first_response_breached_at', type: 'timestamptz', nullable: true })
  firstResponseBreachedAt!: Date | null;
  @Column({ name: 'resolution_status', type: 'varchar', length: 50, default: 'pending' })
  resolutionStatus!: string;
  @Column({ name: 'resolution_deadline', type: 'timestamptz' }) resolutionDeadline!: Date;
  @Column({ name: 'resolution_warning_at', type: 'timestamptz', nullable: true })
  resolutionWarningAt!: Date | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ name: 'resolution_warned_at', type: 'timestamptz', nullable: true })
  resolutionWarnedAt!: Date | null;
  @Column({ name: 'resolution_breached_at', type: 'timestamptz', nullable: true })
  resolutionBreachedAt!: Date | null;
  @Column({ name: 'is_paused', type: 'boolean', default: false }) isPaused!: boolean;
  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true }) pausedAt!: Date | null;
  @Column({ name: 'total_paused_seconds', type: 'int', default: 0 }) totalPausedSeconds!: number;
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` })
  pauses!: { from: string; to: string | null; reason?: 'manual' | 'pending' | 'resolved' }[];
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'actor_agent_id', type: 'varchar', length: 64, nullable: true })
  actorAgentId!: string | null;
  @Column({ type: 'varchar', length: 100 }) action!: string;
  @Column({ name: 'entity_type', type: 'varchar', length: 50 }) entityType!: string;
  @Column({ name: 'entity_id', type: 'varchar', length: 64 }) entityId!: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 64, nullable: true }) ticketId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) before!: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after!: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) metadata!: Record<string, unknown> | null;
  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 255 }) key!: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) scope!: string;
  @Column({ name: 'request_hash', type: 'varchar', length: 64 }) requestHash!: string;
  @Column({ name: 'response_status', type: 'int', nullable: true }) responseStatus!: number | null;
  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody!: Record<string, unknown> | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const SUPPORT_ENTITIES = [
  TeamEntity,
  AgentEntity,
  AgentSessionEntity,
  CustomerEntity,
  TicketEntity,
  MessageEntity,
  TicketAssignmentEntity,
  BusinessCalendarEntity,
  SlaPolicyEntity,
  SlaTrackingEntity,
  AuditLogEntity,
  IdempotencyKeyEntity,
];
