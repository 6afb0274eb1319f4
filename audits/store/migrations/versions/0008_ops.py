"""operations: the sent-mail log (odaudit notify --send) and the national league table

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sent_mail',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('department_code', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('recipient', sa.String(length=300), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('campaign_id', 'department_code', 'kind', 'key')
    )
    op.create_index(op.f('ix_sent_mail_campaign_id'), 'sent_mail', ['campaign_id'], unique=False)
    op.create_table('national_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('organization', sa.String(length=300), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=True),
    sa.Column('snapshot_id', sa.Integer(), nullable=True),
    sa.Column('packages', sa.Integer(), nullable=False),
    sa.Column('catalogue_items', sa.Integer(), nullable=False),
    sa.Column('coverage', sa.Float(), nullable=False),
    sa.Column('on_time', sa.Integer(), nullable=False),
    sa.Column('late', sa.Integer(), nullable=False),
    sa.Column('unknown', sa.Integer(), nullable=False),
    sa.Column('timeliness', sa.Float(), nullable=True),
    sa.Column('mean_score', sa.Float(), nullable=True),
    sa.Column('band', sa.String(length=40), nullable=True),
    sa.Column('trend', sa.String(length=20), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['snapshot_id'], ['portal_snapshot.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('as_of', 'organization')
    )
    op.create_index(op.f('ix_national_result_as_of'), 'national_result', ['as_of'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_national_result_as_of'), table_name='national_result')
    op.drop_table('national_result')
    op.drop_index(op.f('ix_sent_mail_campaign_id'), table_name='sent_mail')
    op.drop_table('sent_mail')
