"""portal snapshots: every monitor run and its scored packages

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('portal_snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('organization', sa.String(length=300), nullable=True),
    sa.Column('taken_at', sa.DateTime(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('package_count', sa.Integer(), nullable=False),
    sa.Column('summary', sa.JSON(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('portal_package',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('snapshot_id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('organization', sa.String(length=500), nullable=True),
    sa.Column('update_frequency', sa.String(length=100), nullable=True),
    sa.Column('last_update', sa.Date(), nullable=True),
    sa.Column('timeliness', sa.String(length=30), nullable=False),
    sa.Column('days_since_update', sa.Integer(), nullable=True),
    sa.Column('days_overdue', sa.Integer(), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('band', sa.String(length=20), nullable=True),
    sa.Column('department', sa.String(length=64), nullable=True),
    sa.Column('catalogue_id', sa.String(length=20), nullable=True),
    sa.Column('indicators', sa.JSON(), nullable=False),
    sa.Column('raw', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['snapshot_id'], ['portal_snapshot.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_portal_package_snapshot_id'), 'portal_package', ['snapshot_id'], unique=False)
    with op.batch_alter_table('campaign') as batch:
        batch.add_column(sa.Column('portal_organization', sa.String(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('campaign') as batch:
        batch.drop_column('portal_organization')
    op.drop_index(op.f('ix_portal_package_snapshot_id'), table_name='portal_package')
    op.drop_table('portal_package')
    op.drop_table('portal_snapshot')
