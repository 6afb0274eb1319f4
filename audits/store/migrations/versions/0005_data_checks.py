"""data checks: validation, expectations and the privacy screen of the data file behind an item

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('data_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('item_key', sa.String(length=200), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('checked_at', sa.DateTime(), nullable=False),
    sa.Column('schema_name', sa.String(length=100), nullable=True),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('valid', sa.Boolean(), nullable=True),
    sa.Column('errors', sa.Integer(), nullable=False),
    sa.Column('warnings', sa.Integer(), nullable=False),
    sa.Column('expectations_share', sa.Float(), nullable=True),
    sa.Column('privacy_hits', sa.Integer(), nullable=False),
    sa.Column('privacy_kinds', sa.JSON(), nullable=False),
    sa.Column('findings', sa.JSON(), nullable=False),
    sa.Column('review', sa.String(length=20), nullable=False),
    sa.Column('reviewed_by', sa.String(length=200), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(), nullable=True),
    sa.Column('review_note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('campaign_id', 'item_key', 'sha256')
    )
    op.create_index(op.f('ix_data_check_campaign_id'), 'data_check', ['campaign_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_data_check_campaign_id'), table_name='data_check')
    op.drop_table('data_check')
